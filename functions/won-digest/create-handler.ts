import * as z from 'zod';
import type { Clock } from '../../shared/ports/clock.ts';
import type { FunnelStore } from '../../shared/ports/funnel-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { Notifier } from '../../shared/ports/notifier.ts';
import { sendWonDigest } from '../../shared/use-cases/won-customers.ts';

/** The Scheduler's constant input; nothing in it changes what is sent. */
export const WonDigestEventSchema = z.looseObject({ source: z.string().max(100).optional() });

export interface WonDigestDeps {
  funnel: FunnelStore;
  /** Undefined when no webhook is configured: the watermark still moves, nothing is sent. */
  notifier?: Notifier;
  clock: Clock;
  log: Log;
}

export function createWonDigestHandler(deps: WonDigestDeps, settings: { firstWindowDays: number }) {
  return async (event: unknown) => {
    WonDigestEventSchema.parse(event ?? {});
    const { sent, from, to } = await sendWonDigest(deps, { firstWindowDays: settings.firstWindowDays });
    deps.log.info('won digest', { sent, from, to });
    return { sent, from, to };
  };
}
