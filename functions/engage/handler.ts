import { setTimeout as sleep } from 'node:timers/promises';
import { buildStores } from '../../shared/adapters/build.ts';
import { DryRunEngagementClient } from '../../shared/adapters/engagement/dry-run-client.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { ConfigError, engageConfigSchema, loadConfig } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createEngageHandler } from './create-handler.ts';

const config = loadConfig(engageConfigSchema);
if (config.ENGAGE_MODE === 'live') {
  // Live engagement needs X user-context credentials and a reviewed client; refuse rather than pretend.
  throw new ConfigError(['ENGAGE_MODE: live engagement is not available in this release; use dry-run']);
}

export const handler = createEngageHandler(
  {
    tasks: buildStores(config).tasks,
    client: new DryRunEngagementClient(),
    clock: systemClock,
    log: createLogger('engage'),
    sleep: (ms) => sleep(ms),
    random: Math.random,
  },
  {
    account: config.ENGAGE_ACCOUNT,
    dailyCap: config.ENGAGE_DAILY_CAP,
    maxJitterMs: config.ENGAGE_MAX_JITTER_MS,
  },
);
