import type { Campaign, Cursor } from '../domain/campaign.ts';
import type { Source } from '../domain/post.ts';
import { prospectKey } from '../domain/prospect.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { Log } from '../ports/log.ts';
import type { PostStore } from '../ports/post-store.ts';
import {
  MalformedPageError,
  RateLimitedError,
  type SearchPage,
  type SocialSource,
  SourceUnavailableError,
} from '../ports/social-source.ts';
import { mapBounded } from './map-bounded.ts';

export interface DiscoverDeps {
  campaigns: CampaignStore;
  posts: PostStore;
  sources: Partial<Record<Source, SocialSource>>;
  clock: Clock;
  log: Log;
}

export interface DiscoverOptions {
  pageSize: number;
  maxPagesPerCampaign: number;
  /** How far back the first run of a campaign reads (X recent search allows 7 days). */
  backfillDays: number;
  /** Time left in this invocation; discovery stops with a resumable cursor before it runs out. */
  remainingMs: () => number;
  minRemainingMs: number;
  campaignIds?: readonly string[];
  /** Ignore saved cursors and read the whole window again (dedupe keeps the store unchanged). */
  replay?: boolean;
}

export type StopReason =
  | 'rate-limit'
  | 'time-budget'
  | 'page-limit'
  | 'malformed-page'
  | 'source-unavailable'
  | 'no-source';

export interface CampaignRun {
  campaignId: string;
  pages: number;
  postsRead: number;
  postsNew: number;
  postsDuplicate: number;
  postsRejected: number;
  rejections: string[];
  complete: boolean;
  stoppedBy?: StopReason;
  error?: string;
}

export interface DiscoverResult {
  runs: CampaignRun[];
  /** Prospects that got new evidence in this run. */
  touched: string[];
}

/**
 * Reads every active campaign's new posts and stores each once with its author and signal.
 * The cursor only ever advances past posts already stored, so a stop for any reason (rate
 * limit, time budget, crash) resumes without a gap or a second read of what was stored.
 */
export async function discoverPosts(deps: DiscoverDeps, options: DiscoverOptions): Promise<DiscoverResult> {
  const wanted = options.campaignIds ? new Set(options.campaignIds) : undefined;
  const campaigns = (await deps.campaigns.listCampaigns()).filter(
    (c) => c.active && (!wanted || wanted.has(c.id)),
  );
  const touched = new Set<string>();
  const runs: CampaignRun[] = [];
  for (const campaign of campaigns) {
    runs.push(await discoverCampaign(deps, options, campaign, touched));
  }
  return { runs, touched: [...touched] };
}

async function discoverCampaign(
  deps: DiscoverDeps,
  options: DiscoverOptions,
  campaign: Campaign,
  touched: Set<string>,
): Promise<CampaignRun> {
  const run: CampaignRun = {
    campaignId: campaign.id,
    pages: 0,
    postsRead: 0,
    postsNew: 0,
    postsDuplicate: 0,
    postsRejected: 0,
    rejections: [],
    complete: false,
  };
  const source = deps.sources[campaign.source];
  if (!source) return { ...run, stoppedBy: 'no-source' };
  const now = deps.clock.now();
  const saved = options.replay ? {} : await deps.campaigns.getCursor(campaign.id);
  if (saved.rateLimitedUntil && Date.parse(saved.rateLimitedUntil) > now.getTime()) {
    return { ...run, stoppedBy: 'rate-limit' };
  }
  const sinceId = saved.sinceId;
  // Parameters stay fixed for the whole walk so next_token stays valid; resumeUntil tracks progress.
  const untilId = saved.pendingUntilId;
  const startTime = sinceId
    ? undefined
    : new Date(now.getTime() - options.backfillDays * 86_400_000 + 60_000).toISOString();
  let newest = saved.pendingNewestId;
  let resumeUntil = untilId;
  let nextToken: string | undefined;
  const pending = (extra: Partial<Cursor> = {}): Cursor => ({
    sinceId,
    pendingNewestId: newest,
    pendingUntilId: resumeUntil,
    ...extra,
  });

  for (;;) {
    if (run.pages >= options.maxPagesPerCampaign) {
      run.stoppedBy = 'page-limit';
      break;
    }
    if (options.remainingMs() < options.minRemainingMs) {
      run.stoppedBy = 'time-budget';
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
        maxResults: options.pageSize,
      });
    } catch (error) {
      const stop = stopReason(error);
      if (!stop) throw error;
      run.stoppedBy = stop;
      run.error = (error as Error).message;
      const extra =
        error instanceof RateLimitedError ? { rateLimitedUntil: error.resetAt.toISOString() } : {};
      await deps.campaigns.saveCursor(campaign.id, pending(extra));
      deps.log.warn('discovery stopped', { campaignId: campaign.id, reason: stop, error: run.error });
      return run;
    }
    run.pages++;
    run.postsRead += page.posts.length + page.rejected.length;
    run.postsRejected += page.rejected.length;
    for (const r of page.rejected) {
      if (run.rejections.length < 20) run.rejections.push(r.error);
      deps.log.warn('record rejected', { campaignId: campaign.id, postId: r.id, error: r.error });
    }
    await storePage(deps, campaign, page, run, touched);
    newest ??= page.newestId;
    resumeUntil = page.oldestId ?? resumeUntil;
    if (!page.nextToken) {
      run.complete = true;
      await deps.campaigns.saveCursor(campaign.id, { sinceId: newest ?? sinceId });
      break;
    }
    nextToken = page.nextToken;
    await deps.campaigns.saveCursor(campaign.id, pending());
  }
  if (!run.complete) await deps.campaigns.saveCursor(campaign.id, pending());
  deps.log.info('campaign discovered', { ...run, rejections: run.rejections.length });
  return run;
}

function stopReason(error: unknown): StopReason | undefined {
  if (error instanceof RateLimitedError) return 'rate-limit';
  if (error instanceof MalformedPageError) return 'malformed-page';
  if (error instanceof SourceUnavailableError) return 'source-unavailable';
  return undefined;
}

async function storePage(
  deps: DiscoverDeps,
  campaign: Campaign,
  page: SearchPage,
  run: CampaignRun,
  touched: Set<string>,
) {
  const now = deps.clock.now();
  const outcomes = await mapBounded(page.posts, 8, async (found) => {
    const author = page.authors.get(found.authorId);
    if (!author) throw new Error(`normalised post ${found.id} has no author`);
    const post = { ...found, campaignIds: [campaign.id] };
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
          };
    const outcome = await deps.posts.recordPost({ post, author, signal }, now);
    if (outcome === 'new' && signal) touched.add(prospectKey(author));
    return outcome;
  });
  for (const o of outcomes) {
    if (o === 'new') run.postsNew++;
    else run.postsDuplicate++;
  }
}
