import type { LeadState } from '../domain/lead-state.ts';
import type { MentionsSource } from '../ports/mentions.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { Outbox } from '../ports/outbox.ts';
import type { SignalIntentStore } from '../ports/signal-intent-store.ts';
import type { TaskQueue } from '../ports/task-queue.ts';
import type { XConnectionStore } from '../ports/x-account.ts';
import { requeueApprovedTasks } from './approve-task.ts';
import { type CycleBudget, PHASE_SHARES, type Phase, startPhase } from './cycle-budget.ts';
import {
  type CampaignRun,
  type DiscoverDeps,
  type DiscoverOptions,
  discoverPosts,
} from './discover-posts.ts';
import type { DraftDeps } from './draft-engagement.ts';
import { processFollowUps } from './process-follow-ups.ts';
import { type QualifyDeps, qualifyPending } from './qualify-prospects.ts';
import { type MentionsRun, readMentions } from './read-mentions.ts';
import { rescoreDecayed } from './rescore-decayed.ts';
import { rescoreIntentStep } from './rescore-intent.ts';
import { rescoreStep } from './rescore-leads.ts';

export type CycleDeps = DiscoverDeps &
  QualifyDeps &
  DraftDeps & {
    queue: TaskQueue;
    notifier?: Notifier;
    outbox: Outbox;
    /** The connected X account's mentions; absent (no X client configured), none are read. */
    mentions?: { connections: XConnectionStore; mentionsSource: MentionsSource };
    /** Stored probabilities; with `classifier`, a new model version re-classifies them step by step. */
    signals?: SignalIntentStore;
  };

export interface CycleOptions extends DiscoverOptions {
  /** Kept free at the end of the invocation (default 10 s). */
  reserveMs?: number;
  /** How often every open lead is re-scored for decay (default daily). */
  decayEveryMs?: number;
}

export interface CycleResult {
  runs: CampaignRun[];
  qualified: number;
  transitions: Partial<Record<LeadState, number>>;
  tasksDrafted: number;
  tasksRequeued: number;
  rescored: number;
  /** Stored posts re-classified by a newly served model version in this cycle. */
  reclassified: number;
  /** Open leads re-scored for decay in this cycle. */
  decayChecked: number;
  /** New MQLs sales was told about (0 without a webhook, or when the notice failed). */
  mqlsAnnounced: number;
  /** Answers and mentions read from the connected X account (absent when not configured). */
  mentions?: MentionsRun;
  /** Prospects that could not be scored or re-scored (each logged); unscored evidence stays pending for the next cycle. */
  failed: number;
  /** Phases that stopped at their share of the time budget; the next cycle resumes them. */
  outOfTime: Phase[];
}

/**
 * The scheduled step: discover, score everything with new evidence (including prospects a
 * crashed run left pending), advance any re-score a new definition started, the re-classification
 * a new model version needs, and the decay sweep,
 * then do the follow-ups the scores wrote to the outbox (drafts for review and MQL, notices to
 * sales), including those a crashed cycle left. Each phase has its share of the time left (see
 * cycle-budget.ts) and stops in time; whatever is left is resumed by the next cycle.
 */
export async function runDiscoveryCycle(deps: CycleDeps, options: CycleOptions): Promise<CycleResult> {
  const budget: CycleBudget = { remainingMs: options.remainingMs, reserveMs: options.reserveMs ?? 10_000 };
  const outOfTime: Phase[] = [];
  const phase = (name: Phase) => startPhase(budget, PHASE_SHARES[name]);
  const ended = (name: Phase, stopped: boolean | undefined) => {
    if (stopped) outOfTime.push(name);
  };

  const discoverBudget = phase('discover');
  const discovered = await discoverPosts(deps, { ...options, remainingMs: discoverBudget.remainingMs });

  // Before qualifying: a prospect's answer re-scores them in this very cycle. Bounded (5 pages);
  // skipped when discovery left no time above the reserve (the next cycle reads them).
  const mentions =
    deps.mentions && budget.remainingMs() > budget.reserveMs
      ? await readMentions(
          { ...deps, ...deps.mentions },
          { accountMonthlyBudget: options.accountMonthlyBudget, maxPages: 5, pageSize: 100 },
        )
      : undefined;

  const qualifyBudget = phase('qualify');
  const qualified = await qualifyPending(deps, {
    batchSize: 50,
    maxBatches: 2_000,
    outOfTime: qualifyBudget.outOfTime,
  });
  ended('qualify', qualified.outOfTime);
  const transitions = [...qualified.transitions];

  // A definition published since the last cycle re-scores open leads, a bounded step at a time.
  const rescoreBudget = phase('rescore');
  const rescored = await rescoreStep(deps, 2_000, 100, { outOfTime: rescoreBudget.outOfTime });
  ended('rescore', rescoreBudget.outOfTime() && rescored !== undefined && !rescored.done);
  transitions.push(...(rescored?.transitions ?? []));

  // A newly served model version re-classifies stored posts, a bounded step per cycle. The bound is
  // in stored items walked (cheap: most are not signals, or already current); the encoder's time
  // is bounded by the phase's share, asked before each page of 100.
  const intentBudget = phase('intent');
  const reclassified =
    deps.signals && deps.classifier
      ? await rescoreIntentStep(
          { ...deps, signals: deps.signals, classifier: deps.classifier },
          { maxItems: 10_000, outOfTime: intentBudget.outOfTime },
        )
      : undefined;
  ended('intent', intentBudget.outOfTime() && reclassified !== undefined && !reclassified.done);
  transitions.push(...(reclassified?.transitions ?? []));

  const decayBudget = phase('decay');
  const decayed = await rescoreDecayed(deps, {
    maxLeads: 1_000,
    everyMs: options.decayEveryMs ?? 86_400_000,
    minScoreChange: 1,
    outOfTime: decayBudget.outOfTime,
  });
  ended('decay', decayBudget.outOfTime() && !decayed.idle);
  transitions.push(...decayed.transitions);

  const followUpBudget = phase('followUps');
  const followUps = await processFollowUps(deps, { maxItems: 5_000, outOfTime: followUpBudget.outOfTime });
  ended('followUps', followUps.outOfTime);

  const requeueBudget = phase('requeue');
  let tasksRequeued = 0;
  if (requeueBudget.outOfTime()) ended('requeue', true);
  else tasksRequeued = await requeueApprovedTasks(deps, 15 * 60_000);

  const counts: Partial<Record<LeadState, number>> = {};
  for (const t of transitions) if (t.from !== t.to) counts[t.to] = (counts[t.to] ?? 0) + 1;
  if (outOfTime.length > 0)
    deps.log.warn('cycle stopped at its time budget; resuming next cycle', { outOfTime });
  return {
    runs: discovered.runs,
    qualified: qualified.transitions.length,
    transitions: counts,
    tasksDrafted: followUps.tasksDrafted,
    tasksRequeued,
    rescored: rescored?.rescored ?? 0,
    reclassified: reclassified?.reclassified ?? 0,
    decayChecked: decayed.checked,
    mqlsAnnounced: followUps.mqlsAnnounced,
    ...(mentions ? { mentions } : {}),
    failed: qualified.failed + (rescored?.failed ?? 0) + (reclassified?.failed ?? 0) + decayed.failed,
    outOfTime,
  };
}
