import { randomUUID } from 'node:crypto';
import { buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { DryRunEngagementClient } from '../../shared/adapters/engagement/dry-run-client.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { createMetrics } from '../../shared/adapters/powertools/metrics.ts';
import { buildXAccount } from '../../shared/adapters/x/build-x-account.ts';
import { XReplyClient } from '../../shared/adapters/x/x-reply-client.ts';
import { ConfigError, engageConfigSchema, loadConfig } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createEngageHandler } from './create-handler.ts';

const config = loadConfig(engageConfigSchema);
const stores = buildStores(config);
const log = createLogger('engage');
const x = buildXAccount(config, stores.table, {
  clock: systemClock,
  log,
  metrics: createMetrics('engage'),
  owner: `engage-${randomUUID()}`,
});
if (config.ENGAGE_MODE === 'live' && !x)
  throw new ConfigError(['X_CLIENT_ID: live engagement needs the X client']);

// Live only by configuration, and still only for tasks a person approved (the worker checks).
export const handler = createEngageHandler(
  {
    tasks: stores.tasks,
    leads: stores.leads,
    queue: buildTaskQueue(config),
    client:
      config.ENGAGE_MODE === 'live' && x
        ? new XReplyClient(x.tokens, x.client)
        : new DryRunEngagementClient(),
    clock: systemClock,
    log,
  },
  {
    account: config.ENGAGE_ACCOUNT,
    dailyCap: config.ENGAGE_DAILY_CAP,
    leaseMs: config.ENGAGE_LEASE_MS,
  },
);
