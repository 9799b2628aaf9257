import type { Campaign, Cursor } from '../domain/campaign.ts';
import { prospectKey } from '../domain/prospect.ts';
import type { BudgetStore } from '../ports/budget-store.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { IntentClassifier } from '../ports/intent-classifier.ts';
import type { Log } from '../ports/log.ts';
import type { PostStore } from '../ports/post-store.ts';
import {
  MalformedPageError,
  RateLimitedError,
  type SearchPage,
  type SocialSource,
  SourceRefusedError,
  SourceUnavailableError,
  UsageCapExceededError,
} from '../ports/social-source.ts';
import { classifyInBatches } from './classify-texts.ts';
import { mapBounded } from './map-bounded.ts';
import { type SourceBlock, type WindowGap, windowedMarkers } from './search-window.ts';

export interface CampaignDeps {
  campaigns: CampaignStore;
  posts: PostStore;
  budgets: BudgetStore;
  clock: Clock;
  log: Log;
  /**
   * Classifies each page's new posts once, at ingest; the probability is stored on the signal with
   * the model version. Absent (tests, tools), signals are stored without one and scoring falls back
   * to the synchronous model.
   */
  classifier?: IntentClassifier;
}

export interface WalkOptions {
  pageSize: number;
  maxPagesPerCampaign: number;
  backfillDays: number;
  remainingMs: () => number;
  minRemainingMs: number;
  replay?: boolean;
  /** Posts the whole account may read per month (all campaigns together). */
  accountMonthlyBudget: number;
}

export type StopReason =
  | 'rate-limit'
  | 'usage-cap'
  | 'source-refused'
  | 'time-budget'
  | 'page-limit'
  | 'post-budget'
  | 'malformed-page'
  | 'source-unavailable'
  | 'no-source';

export interface CampaignRun {
  campaignId: string;
  source: string;
  pages: number;
  postsRead: number;
  postsNew: number;
  postsDuplicate: number;
  postsRejected: number;
  /** Posts by people erased on request: read (and billed) but not stored. */
  postsSuppressed: number;
  rejections: string[];
  complete: boolean;
  stoppedBy?: StopReason;
  error?: string;
  /** Posts left in the tighter of the campaign's and the account's monthly budgets. */
  budgetLeft: number;
  /** When a rate limit or usage cap lets the campaign run again. */
  resumesAt?: string;
  /** Posts in this span may be missing: the cursor had fallen out of the source's search window. */
  gap?: WindowGap;
}

const SMALLEST_PAGE = 10;

/** A run that has read nothing yet. */
export function emptyRun(campaign: Campaign, budgetLeft: number): CampaignRun {
  return {
    campaignId: campaign.id,
    source: campaign.source,
    pages: 0,
    postsRead: 0,
    postsNew: 0,
    postsDuplicate: 0,
    postsRejected: 0,
    postsSuppressed: 0,
    rejections: [],
    complete: false,
    budgetLeft,
  };
}

/**
 * Walks one campaign's new posts, newest first, storing each page before the cursor moves past
 * it. Every way of stopping (rate limit, time, page or post budget, bad page, outage) saves a
 * cursor that the next cycle resumes from, so nothing is missed and nothing is read twice.
 */
export async function discoverCampaign(
  deps: CampaignDeps,
  source: SocialSource,
  campaign: Campaign,
  options: WalkOptions,
  touched: Set<string>,
  blocks: Map<string, SourceBlock> = new Map(),
): Promise<CampaignRun> {
  const now = deps.clock.now();
  const month = now.toISOString().slice(0, 7);
  const scopes = ['account', `campaign#${campaign.id}`];
  const limits = {
    account: options.accountMonthlyBudget,
    [`campaign#${campaign.id}`]: campaign.monthlyPostBudget ?? Number.POSITIVE_INFINITY,
  };
  const used = await deps.budgets.used(scopes, month);
  let budgetLeft = Math.min(...scopes.map((s) => (limits[s] ?? Number.POSITIVE_INFINITY) - (used[s] ?? 0)));
  const run = emptyRun(campaign, budgetLeft);
  const stored = options.replay ? {} : await deps.campaigns.getCursor(campaign.id);
  const saved: Cursor = stored.source && stored.source !== campaign.source ? {} : stored;
  if (saved.rateLimitedUntil && Date.parse(saved.rateLimitedUntil) > now.getTime())
    return { ...run, stoppedBy: saved.waitReason ?? 'rate-limit', resumesAt: saved.rateLimitedUntil };
  const block = blocks.get(campaign.source);
  if (block) {
    // Another campaign of this run found the source closed: do not spend a request to learn it again.
    run.stoppedBy = block.reason;
    run.error = block.error;
    if (block.until) {
      run.resumesAt = block.until;
      await deps.campaigns.saveCursor(campaign.id, {
        ...saved,
        source: campaign.source,
        rateLimitedUntil: block.until,
        waitReason: 'usage-cap',
      });
    }
    return run;
  }

  // Markers older than the source's search window are refused: restart from its edge, note the gap.
  const markers = windowedMarkers(saved, source.window, now, options.backfillDays);
  if (markers.gap) {
    run.gap = markers.gap;
    deps.log.warn('cursor outside the search window; gap recorded', {
      campaignId: campaign.id,
      ...markers.gap,
    });
  }
  const sinceId = markers.sinceId;
  // Parameters stay fixed for the whole walk so next_token stays valid; resumeUntil tracks progress.
  const untilId = markers.pendingUntilId;
  const startTime = sinceId ? undefined : markers.startTime;
  let newest = markers.pendingNewestId;
  let resumeUntil = untilId;
  let nextToken: string | undefined;
  const base = { source: campaign.source, lastRunAt: now.toISOString() };
  const pending = (extra: Partial<Cursor> = {}): Cursor => ({
    ...base,
    sinceId,
    pendingNewestId: newest,
    pendingUntilId: resumeUntil,
    ...extra,
  });
  const stop = async (reason: StopReason, extra: Partial<Cursor> = {}) => {
    run.stoppedBy = reason;
    await deps.campaigns.saveCursor(campaign.id, pending(extra));
  };

  for (;;) {
    if (run.pages >= options.maxPagesPerCampaign) {
      await stop('page-limit');
      break;
    }
    if (options.remainingMs() < options.minRemainingMs) {
      await stop('time-budget');
      break;
    }
    // Ask for no more than the budget allows (X bills every post returned; 10 is its smallest page).
    const pageSize = Math.min(options.pageSize, budgetLeft);
    if (pageSize < SMALLEST_PAGE) {
      await stop('post-budget');
      deps.log.warn('monthly post budget spent', { campaignId: campaign.id, budgetLeft });
      break;
    }
    let page: SearchPage;
    try {
      page = await source.search({
        query: campaign.query,
        sinceId,
        untilId,
        startTime,
        nextToken,
        maxResults: pageSize,
      });
    } catch (error) {
      const reason = stopReason(error);
      if (!reason) throw error;
      run.error = (error as Error).message;
      const waitUntil =
        error instanceof RateLimitedError || error instanceof UsageCapExceededError
          ? error.resetAt.toISOString()
          : undefined;
      if (waitUntil) run.resumesAt = waitUntil;
      if (reason === 'usage-cap' || reason === 'source-refused')
        blocks.set(campaign.source, { reason, error: run.error, until: waitUntil });
      await stop(
        reason,
        waitUntil
          ? { rateLimitedUntil: waitUntil, ...(reason === 'usage-cap' ? { waitReason: reason } : {}) }
          : {},
      );
      deps.log.warn('discovery stopped', { campaignId: campaign.id, reason, error: run.error });
      break;
    }
    const read = page.posts.length + page.rejected.length;
    run.pages++;
    run.postsRead += read;
    run.postsRejected += page.rejected.length;
    budgetLeft -= read;
    // The page's place in this walk names the read, so a retried write of it counts once.
    await deps.budgets.addUse(scopes, month, read, `${campaign.id}|${now.toISOString()}|${run.pages}`);
    for (const r of page.rejected) {
      if (run.rejections.length < 20) run.rejections.push(r.error);
      deps.log.warn('record rejected', { campaignId: campaign.id, postId: r.id, error: r.error });
    }
    await storePage(deps, campaign, page, run, touched);
    newest ??= page.newestId;
    resumeUntil = page.oldestId ?? resumeUntil;
    if (!page.nextToken) {
      run.complete = true;
      await deps.campaigns.saveCursor(campaign.id, { ...base, sinceId: newest ?? sinceId });
      break;
    }
    nextToken = page.nextToken;
    if (page.rateLimit && page.rateLimit.remaining <= 0) {
      // The source said this was the last request of the window: stop now instead of spending a 429.
      run.resumesAt = page.rateLimit.resetAt.toISOString();
      await stop('rate-limit', { rateLimitedUntil: run.resumesAt });
      break;
    }
    await deps.campaigns.saveCursor(campaign.id, pending());
  }
  run.budgetLeft = budgetLeft;
  return run;
}

function stopReason(error: unknown): StopReason | undefined {
  if (error instanceof RateLimitedError) return 'rate-limit';
  if (error instanceof UsageCapExceededError) return 'usage-cap';
  if (error instanceof SourceRefusedError) return 'source-refused';
  if (error instanceof MalformedPageError) return 'malformed-page';
  if (error instanceof SourceUnavailableError) return 'source-unavailable';
  return undefined;
}

/**
 * Stores a page's posts. The new posts' texts are classified first, in one batched call per page
 * (the walk's time check before each page covers it), so each signal lands with its probability in
 * the same write as the post. A classifier failure throws: the cursor has not moved past the page,
 * so the next cycle reads it again instead of storing signals without a probability.
 */
async function storePage(
  deps: CampaignDeps,
  campaign: Campaign,
  page: SearchPage,
  run: CampaignRun,
  touched: Set<string>,
) {
  const now = deps.clock.now();
  const classifier = deps.classifier;
  const own = page.posts.filter((p) => p.kind !== 'retweet');
  const probabilities = classifier
    ? await classifyInBatches(
        classifier,
        own.map((p) => p.text),
      )
    : [];
  const intentOf = new Map(
    classifier ? own.map((p, i) => [p.id, { p: probabilities[i] ?? 0, model: classifier.version }]) : [],
  );
  const outcomes = await mapBounded(page.posts, 8, async (found) => {
    const author = page.authors.get(found.authorId);
    if (!author) throw new Error(`normalised post ${found.id} has no author`);
    const post = { ...found, campaignIds: [campaign.id] };
    const intent = intentOf.get(found.id);
    const signal =
      found.kind === 'retweet'
        ? undefined
        : {
            postId: found.id,
            postKind: found.kind,
            campaignIds: [campaign.id],
            at: found.createdAt,
            text: found.text,
            url: found.url,
            ...(intent ? { intent } : {}),
          };
    const outcome = await deps.posts.recordPost({ post, author, signal }, now);
    if (outcome === 'new' && signal) touched.add(prospectKey(author));
    return outcome;
  });
  for (const o of outcomes) {
    if (o === 'new') run.postsNew++;
    else if (o === 'duplicate') run.postsDuplicate++;
    else run.postsSuppressed++;
  }
}
