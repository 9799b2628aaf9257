import type { LeadState } from '../domain/lead-state.ts';
import type { MentionsSource } from '../ports/mentions.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { TaskQueue } from '../ports/task-queue.ts';
import type { XConnectionStore } from '../ports/x-account.ts';
import { announceScoredMqls } from './announce-mqls.ts';
import { requeueApprovedTasks } from './approve-task.ts';
import {
  type CampaignRun,
  type DiscoverDeps,
  type DiscoverOptions,
  discoverPosts,
} from './discover-posts.ts';
import { type DraftDeps, draftEngagement } from './draft-engagement.ts';
import { type QualifyDeps, qualifyPending } from './qualify-prospects.ts';
import { type MentionsRun, readMentions } from './read-mentions.ts';
import { rescoreStep } from './rescore-leads.ts';

export type CycleDeps = DiscoverDeps &
  QualifyDeps &
  DraftDeps & {
    queue: TaskQueue;
    notifier?: Notifier;
    /** The connected X account's mentions; absent (no X client configured), none are read. */
    mentions?: { connections: XConnectionStore; mentionsSource: MentionsSource };
  };

export interface CycleResult {
  runs: CampaignRun[];
  qualified: number;
  transitions: Partial<Record<LeadState, number>>;
  tasksDrafted: number;
  tasksRequeued: number;
  rescored: number;
  /** New MQLs sales was told about (0 without a webhook, or when the notice failed). */
  mqlsAnnounced: number;
  /** Answers and mentions read from the connected X account (absent when not configured). */
  mentions?: MentionsRun;
  /** Prospects that could not be scored or re-scored (each logged); unscored evidence stays pending for the next cycle. */
  failed: number;
}

/**
 * The scheduled step: discover, score everything with new evidence (including prospects a
 * crashed run left pending), advance any re-score a new definition started, then draft
 * engagement for those who reached review or MQL, and tell sales about the new MQLs.
 */
export async function runDiscoveryCycle(deps: CycleDeps, options: DiscoverOptions): Promise<CycleResult> {
  const discovered = await discoverPosts(deps, options);
  // Before qualifying: a prospect's answer re-scores them in this very cycle.
  const mentions = deps.mentions
    ? await readMentions(
        { ...deps, ...deps.mentions },
        { accountMonthlyBudget: options.accountMonthlyBudget, maxPages: 5, pageSize: 100 },
      )
    : undefined;
  const { transitions, failed } = await qualifyPending(deps, { batchSize: 100, maxBatches: 1_000 });
  // A definition published since the last cycle re-scores open leads, a bounded step at a time.
  const rescored = await rescoreStep(deps, 2_000);
  transitions.push(...(rescored?.transitions ?? []));
  const tasksDrafted = await draftEngagement(deps, transitions);
  const mqlsAnnounced = await announceScoredMqls(deps, transitions);
  const tasksRequeued = await requeueApprovedTasks(deps, 15 * 60_000);
  const counts: Partial<Record<LeadState, number>> = {};
  for (const t of transitions) if (t.from !== t.to) counts[t.to] = (counts[t.to] ?? 0) + 1;
  return {
    runs: discovered.runs,
    qualified: transitions.length,
    transitions: counts,
    tasksDrafted,
    tasksRequeued,
    rescored: rescored?.rescored ?? 0,
    mqlsAnnounced,
    ...(mentions ? { mentions } : {}),
    failed: failed + (rescored?.failed ?? 0),
  };
}
