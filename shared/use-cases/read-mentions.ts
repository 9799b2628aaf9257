import { asksToStop } from '../domain/opt-out-phrases.ts';
import { prospectKey } from '../domain/prospect.ts';
import type { BudgetStore } from '../ports/budget-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import type { Mention, MentionsSource } from '../ports/mentions.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { type XConnectionStore, XNotConnectedError } from '../ports/x-account.ts';
import { setOptOut } from './record-prospect-feedback.ts';

export interface MentionDeps {
  connections: XConnectionStore;
  mentionsSource: MentionsSource;
  leads: LeadStore;
  tasks: TaskStore;
  budgets: BudgetStore;
  clock: Clock;
  log: Log;
}

export interface MentionOptions {
  /** The account's monthly post-read budget, shared with search (X bills mentions read the same way). */
  accountMonthlyBudget: number;
  maxPages: number;
  pageSize: number;
}

export interface MentionsRun {
  read: number;
  replied: number;
  mentioned: number;
  optedOut: number;
  /** Why reading stopped early, if it did. */
  stopped?: 'not-connected' | 'post-budget' | 'error';
}

/** On the first read, look back this far (X's mentions timeline goes back further; we need no more). */
const FIRST_READ_DAYS = 7;

/**
 * Reads the connected account's mentions since its cursor. A mention by a known lead becomes an
 * engagement signal: `replied` when it answers one of our replies (linked to the task that sent
 * it), else `mentioned`; asking us to stop sets the opt-out. The lead is marked for re-scoring, so
 * the same cycle's qualify step applies the MQL definition's engagement rules. Every post read
 * counts against the account's monthly budget, as search does. The cursor moves only after the
 * signals are stored, so a crash re-reads (and the engagement is recorded by post id once).
 */
export async function readMentions(deps: MentionDeps, options: MentionOptions): Promise<MentionsRun> {
  const run: MentionsRun = { read: 0, replied: 0, mentioned: 0, optedOut: 0 };
  const connection = await deps.connections.get();
  if (connection?.status !== 'connected') return { ...run, stopped: 'not-connected' };
  const now = deps.clock.now();
  const month = now.toISOString().slice(0, 7);
  const used = await deps.budgets.used(['account'], month);
  let budgetLeft = options.accountMonthlyBudget - (used.account ?? 0);
  let newest: string | undefined;
  let token: string | undefined;
  try {
    for (let page = 0; page < options.maxPages; page++) {
      if (budgetLeft < 5) {
        run.stopped = 'post-budget';
        break;
      }
      const result = await deps.mentionsSource.mentions({
        userId: connection.userId,
        sinceId: connection.mentionsSinceId,
        startTime: connection.mentionsSinceId
          ? undefined
          : new Date(now.getTime() - FIRST_READ_DAYS * 86_400_000).toISOString(),
        paginationToken: token,
        maxResults: Math.min(options.pageSize, Math.max(budgetLeft, 5)),
      });
      newest ??= result.newestId;
      budgetLeft -= result.mentions.length;
      run.read += result.mentions.length;
      await deps.budgets.addUse(
        ['account', 'mentions'],
        month,
        result.mentions.length,
        `mentions|${now.toISOString()}|${page}`,
      );
      for (const mention of result.mentions) await handleMention(deps, mention, run, connection.userId);
      token = result.nextToken;
      if (!token) break;
    }
  } catch (error) {
    if (error instanceof XNotConnectedError) return { ...run, stopped: 'not-connected' };
    deps.log.warn('reading mentions stopped', { error: (error as Error).name });
    run.stopped = 'error';
    return run;
  }
  if (newest) await deps.connections.saveMentionsCursor(newest);
  return run;
}

async function handleMention(deps: MentionDeps, mention: Mention, run: MentionsRun, ourId: string) {
  if (mention.authorId === ourId) return;
  const key = prospectKey({ source: 'x', authorId: mention.authorId });
  const lead = await deps.leads.getLead(key);
  if (!lead) return;
  if (lead.engagement?.some((e) => e.postId === mention.id)) return;
  const task = mention.inReplyTo
    ? (await deps.tasks.listProspectTasks(key)).find((t) => t.replyId === mention.inReplyTo)
    : undefined;
  const kind = task ? 'replied' : 'mentioned';
  await deps.leads.recordEngagement(
    key,
    { kind, at: mention.createdAt, postId: mention.id, ...(task ? { taskId: task.id } : {}) },
    deps.clock.now(),
  );
  run[kind]++;
  if (asksToStop(mention.text)) {
    await setOptOut(deps, key, true);
    run.optedOut++;
  }
}
