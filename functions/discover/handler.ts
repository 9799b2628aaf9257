import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { buildSources, buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { loadShippedModel } from '../../shared/adapters/intent/shipped-model.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { createMetrics } from '../../shared/adapters/powertools/metrics.ts';
import { discoverConfigSchema, loadConfig } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createDiscoverHandler } from './create-handler.ts';

// Composition root: runs once per Lambda cold start (and once per local runner process).
const config = loadConfig(discoverConfigSchema);
const bearerToken = config.X_BEARER_TOKEN ?? String(await getSecret(config.X_SECRET_ARN as string));

export const handler = createDiscoverHandler(
  {
    ...buildStores(config),
    queue: buildTaskQueue(config),
    sources: buildSources(config, bearerToken, systemClock),
    clock: systemClock,
    log: createLogger('discover'),
    metrics: createMetrics('discover'),
    intent: loadShippedModel().scorer,
  },
  {
    pageSize: config.DISCOVERY_PAGE_SIZE,
    maxPagesPerCampaign: config.DISCOVERY_MAX_PAGES,
    backfillDays: config.DISCOVERY_BACKFILL_DAYS,
    accountMonthlyBudget: config.DISCOVERY_MONTHLY_POST_BUDGET,
    concurrency: config.DISCOVERY_CONCURRENCY,
  },
);
