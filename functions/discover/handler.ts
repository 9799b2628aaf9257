import { randomUUID } from 'node:crypto';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { buildNotifier, buildSources, buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { warmUseLite } from '../../shared/adapters/intent/sentence-encoder.ts';
import { loadServingClassifier } from '../../shared/adapters/intent/serving-classifier.ts';
import { FolderModelStore } from '../../shared/adapters/models/folder-model-store.ts';
import { S3ModelStore } from '../../shared/adapters/models/s3-model-store.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { createMetrics } from '../../shared/adapters/powertools/metrics.ts';
import { openS3 } from '../../shared/adapters/s3/export-bucket.ts';
import { buildXAccount } from '../../shared/adapters/x/build-x-account.ts';
import { XMentionsSource } from '../../shared/adapters/x/x-mentions.ts';
import { discoverConfigSchema, loadConfig, parseSourceCredentials } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createDiscoverHandler, loadOnce, withEncoderLoaded } from './create-handler.ts';

// Composition root: runs once per Lambda cold start (and once per local runner process).
const config = loadConfig(discoverConfigSchema);
const bearerToken = config.X_BEARER_TOKEN ?? String(await getSecret(config.X_SECRET_ARN as string));
// Reddit and Bluesky credentials from their secret, if one is configured (environment settings win).
const sourceCredentials = config.SOURCES_SECRET_ARN
  ? parseSourceCredentials(String(await getSecret(config.SOURCES_SECRET_ARN)))
  : {};

const stores = buildStores(config);
const models = config.MODEL_BUCKET
  ? new S3ModelStore(openS3({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }), config.MODEL_BUCKET)
  : config.MODEL_DIR
    ? new FolderModelStore(config.MODEL_DIR)
    : undefined;
const log = createLogger('discover');
const metrics = createMetrics('discover');
// The connected account's mentions, when an X client is configured.
const x = buildXAccount(config, stores.table, {
  clock: systemClock,
  log,
  metrics,
  owner: `discover-${randomUUID()}`,
});

export const handler = createDiscoverHandler(
  {
    ...stores,
    ...(x
      ? { mentions: { connections: x.connections, mentionsSource: new XMentionsSource(x.tokens, x.client) } }
      : {}),
    queue: buildTaskQueue(config),
    sources: buildSources(config, bearerToken, systemClock, sourceCredentials),
    notifier: await buildNotifier(config),
    clock: systemClock,
    log,
    metrics,
    // The promoted registry version (models/ in the export bucket), else the shipped model; loaded
    // on the first invocation, not at init, and kept while the container stays warm. The encoder
    // is loaded with it, so a broken encoder fails the invocation before any page is read (and
    // billed), not after the first page.
    loadIntent: loadOnce(() => withEncoderLoaded(() => loadServingClassifier(models), warmUseLite)),
  },
  {
    pageSize: config.DISCOVERY_PAGE_SIZE,
    maxPagesPerCampaign: config.DISCOVERY_MAX_PAGES,
    backfillDays: config.DISCOVERY_BACKFILL_DAYS,
    accountMonthlyBudget: config.DISCOVERY_MONTHLY_POST_BUDGET,
    concurrency: config.DISCOVERY_CONCURRENCY,
  },
);
