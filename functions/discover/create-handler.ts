import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { Metrics } from '../../shared/ports/metrics.ts';
import {
  type CycleDeps,
  type CycleResult,
  runDiscoveryCycle,
} from '../../shared/use-cases/run-discovery-cycle.ts';

const Options = z.object({
  campaignIds: z.array(z.string().min(1)).optional(),
  replay: z.boolean().optional(),
  force: z.boolean().optional(),
});

/**
 * EventBridge Scheduler passes our own input; a classic scheduled rule passes its envelope with
 * `detail`. Either may limit the run to `campaignIds`, `force` every campaign regardless of
 * cadence, or `replay` the window ignoring cursors.
 */
export const DiscoverEventSchema = Options.extend({ detail: Options.optional() }).loose();

export interface DiscoverSettings {
  pageSize: number;
  maxPagesPerCampaign: number;
  backfillDays: number;
  accountMonthlyBudget: number;
  concurrency: number;
}

export function createDiscoverHandler(deps: CycleDeps & { metrics: Metrics }, settings: DiscoverSettings) {
  return async (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<CycleResult> => {
    const parsed = DiscoverEventSchema.parse(event ?? {});
    const options = {
      ...parsed.detail,
      ...Object.fromEntries(Object.entries(parsed).filter(([k, v]) => k !== 'detail' && v !== undefined)),
    } as z.infer<typeof Options>;
    const result = await runDiscoveryCycle(deps, {
      ...settings,
      campaignIds: options.campaignIds,
      replay: options.replay ?? false,
      force: options.force ?? false,
      remainingMs: () => context.getRemainingTimeInMillis(),
      minRemainingMs: 20_000,
    });
    deps.log.info('discovery cycle done', {
      campaigns: result.runs.length,
      postsNew: result.runs.reduce((n, r) => n + r.postsNew, 0),
      qualified: result.qualified,
      tasksDrafted: result.tasksDrafted,
      failedToScore: result.failed,
    });
    return result;
  };
}
