import type { Context } from 'aws-lambda';
import * as z from 'zod';
import {
  type CycleDeps,
  type CycleResult,
  runDiscoveryCycle,
} from '../../shared/use-cases/run-discovery-cycle.ts';

/**
 * EventBridge Scheduler passes our own input; a classic scheduled rule passes its event envelope.
 * Either may carry `campaignIds` to limit the run, and `replay` to re-read the window.
 */
export const DiscoverEventSchema = z
  .object({
    campaignIds: z.array(z.string().min(1)).optional(),
    replay: z.boolean().optional(),
    detail: z
      .object({ campaignIds: z.array(z.string().min(1)).optional(), replay: z.boolean().optional() })
      .optional(),
  })
  .loose();

export interface DiscoverSettings {
  pageSize: number;
  maxPagesPerCampaign: number;
  backfillDays: number;
}

export function createDiscoverHandler(deps: CycleDeps, settings: DiscoverSettings) {
  return async (event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<CycleResult> => {
    const parsed = DiscoverEventSchema.parse(event ?? {});
    const campaignIds = parsed.campaignIds ?? parsed.detail?.campaignIds;
    const result = await runDiscoveryCycle(deps, {
      ...settings,
      campaignIds,
      replay: parsed.replay ?? parsed.detail?.replay ?? false,
      remainingMs: () => context.getRemainingTimeInMillis(),
      minRemainingMs: 20_000,
    });
    deps.log.info('discovery cycle done', {
      campaigns: result.runs.length,
      postsNew: result.runs.reduce((n, r) => n + r.postsNew, 0),
      qualified: result.qualified,
      tasksDrafted: result.tasksDrafted,
    });
    return result;
  };
}
