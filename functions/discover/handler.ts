import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { buildStores, buildTaskQueue, buildXSource } from '../../shared/adapters/build.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
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
    sources: { x: buildXSource(config, bearerToken) },
    clock: systemClock,
    log: createLogger('discover'),
  },
  {
    pageSize: config.DISCOVERY_PAGE_SIZE,
    maxPagesPerCampaign: config.DISCOVERY_MAX_PAGES,
    backfillDays: config.DISCOVERY_BACKFILL_DAYS,
  },
);
