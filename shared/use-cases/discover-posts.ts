import type { Campaign } from '../domain/campaign.ts';
import type { Source } from '../domain/post.ts';
import type { Metrics } from '../ports/metrics.ts';
import type { RunStore } from '../ports/run-store.ts';
import type { SocialSource } from '../ports/social-source.ts';
import {
  type CampaignDeps,
  type CampaignRun,
  discoverCampaign,
  emptyRun,
  type WalkOptions,
} from './discover-campaign.ts';
import { mapBounded } from './map-bounded.ts';
import type { SourceBlock } from './search-window.ts';

export type { CampaignRun, StopReason } from './discover-campaign.ts';

export interface DiscoverDeps extends CampaignDeps {
  sources: Partial<Record<Source, SocialSource>>;
  runs: RunStore;
  metrics: Metrics;
}

export interface DiscoverOptions extends WalkOptions {
  /** Run only these campaigns, due or not. */
  campaignIds?: readonly string[];
  /** Campaigns walked at once: enough to overlap waiting on the network, few enough for rate limits. */
  concurrency?: number;
  /** Run every active campaign now, whatever its cadence (a person asked for this run). */
  force?: boolean;
}

export interface DiscoverResult {
  runs: CampaignRun[];
  /** Prospects that got new evidence in this run. */
  touched: string[];
}

/** A campaign is due when its cadence has passed since its last run (30 s of slack for schedule jitter). */
async function isDue(deps: DiscoverDeps, campaign: Campaign, now: Date): Promise<boolean> {
  const { lastRunAt } = await deps.campaigns.getCursor(campaign.id);
  return !lastRunAt || now.getTime() - Date.parse(lastRunAt) >= campaign.cadenceMinutes * 60_000 - 30_000;
}

/**
 * Runs every active campaign that is due (or the ones asked for), a few at a time, and records
 * each run's stats in the store and as metrics. Logs carry ids and counts, never post text.
 */
export async function discoverPosts(deps: DiscoverDeps, options: DiscoverOptions): Promise<DiscoverResult> {
  const now = deps.clock.now();
  const wanted = options.campaignIds ? new Set(options.campaignIds) : undefined;
  const active = (await deps.campaigns.listCampaigns()).filter(
    (c) => c.active && (!wanted || wanted.has(c.id)),
  );
  const everyone = wanted !== undefined || options.replay === true || options.force === true;
  const dueFlags = everyone
    ? active.map(() => true)
    : await Promise.all(active.map((c) => isDue(deps, c, now)));
  const due = active.filter((_, i) => dueFlags[i]);
  const touched = new Set<string>();
  // A usage cap or refused credentials closes a source for every campaign on it, not just one.
  const blocks = new Map<string, SourceBlock>();
  const runs = await mapBounded(due, options.concurrency ?? 3, async (campaign) => {
    const startedAt = deps.clock.now().toISOString();
    const source = deps.sources[campaign.source];
    const run: CampaignRun = source
      ? await discoverCampaign(deps, source, campaign, options, touched, blocks)
      : { ...emptyRun(campaign, 0), stoppedBy: 'no-source' };
    await deps.runs.recordRun({ ...run, startedAt, finishedAt: deps.clock.now().toISOString() });
    const dims = { campaign: campaign.id, source: campaign.source };
    deps.metrics.count('PostsRead', run.postsRead, dims);
    deps.metrics.count('PostsNew', run.postsNew, dims);
    deps.metrics.count('Pages', run.pages, dims);
    deps.metrics.count('RateLimitStops', run.stoppedBy === 'rate-limit' ? 1 : 0, dims);
    deps.metrics.count('UsageCapStops', run.stoppedBy === 'usage-cap' ? 1 : 0, dims);
    deps.metrics.count('PostBudgetLeft', Number.isFinite(run.budgetLeft) ? run.budgetLeft : -1, dims);
    deps.log.info('campaign discovered', { ...run, rejections: run.rejections.length });
    return run;
  });
  return { runs, touched: [...touched] };
}
