import { buildNotifier, buildStores } from '../../shared/adapters/build.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { loadConfig, wonDigestConfigSchema } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createWonDigestHandler } from './create-handler.ts';

// Composition root: runs once per Lambda cold start (the webhook secret is read here, once).
const config = loadConfig(wonDigestConfigSchema);
const notifier = await buildNotifier(config);

export const handler = createWonDigestHandler(
  {
    funnel: buildStores(config).funnel,
    ...(notifier ? { notifier } : {}),
    clock: systemClock,
    log: createLogger('won-digest'),
  },
  { firstWindowDays: config.WON_DIGEST_FIRST_DAYS },
);
