import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { type WonDigest, wonDigestText } from '../../shared/domain/won-digest.ts';
import type { Notifier } from '../../shared/ports/notifier.ts';
import { sendWonDigest } from '../../shared/use-cases/won-customers.ts';
import type { LocalRuntime } from './local-runtime.ts';
import { progress } from './progress.ts';
import { type SimulatedDecisions, simulateSales } from './sales-simulator.ts';

/** The simulator dates decisions up to about nine weeks ahead; the demo's digest covers that span. */
const SIMULATED_HORIZON_DAYS = 70;

/** Locally the digest is written to out/won-digest.txt, and also sent if a webhook is configured. */
function localDigestNotifier(outDir: string, webhook: Notifier | undefined): Notifier {
  return {
    notifyMqls: async (notices) => webhook?.notifyMqls(notices),
    notifyWonDigest: async (digest: WonDigest) => {
      const file = join(outDir, 'won-digest.txt');
      await writeFile(file, `${wonDigestText(digest)}\n`);
      progress(`won digest: ${digest.customers.length} customer(s) in ${file}`);
      await webhook?.notifyWonDigest(digest);
    },
  };
}

/**
 * After each cycle: the demo sales team decides the MQL queue (unless turned off), then the won
 * digest goes out for whatever was won since the last one, as the weekly function does on AWS.
 */
export async function runSalesLoop(
  rt: LocalRuntime,
  options: { salesSim: boolean; outDir: string; webhook?: Notifier },
): Promise<SimulatedDecisions & { wonDigest: number }> {
  const log = createLogger('sales-sim');
  const now = new Date();
  const decided = options.salesSim
    ? await simulateSales({ leads: rt.stores.leads, codes: rt.stores.codes, log }, now)
    : { accepted: 0, rejected: 0, won: 0, lost: 0 };
  if (options.salesSim)
    progress(
      `sales simulator (LOCAL DEMO, --no-sales-sim turns it off): ${decided.accepted} accepted, ` +
        `${decided.rejected} rejected, ${decided.won} won, ${decided.lost} lost`,
    );
  const digestAt = options.salesSim ? new Date(now.getTime() + SIMULATED_HORIZON_DAYS * 86_400_000) : now;
  const digest = await sendWonDigest(
    {
      funnel: rt.stores.funnel,
      notifier: localDigestNotifier(options.outDir, options.webhook),
      clock: { now: () => digestAt },
      log,
    },
    // The first digest covers the simulated weeks too; later ones start where the last one ended.
    { firstWindowDays: options.salesSim ? SIMULATED_HORIZON_DAYS + 7 : 7 },
  );
  return { ...decided, wonDigest: digest.sent };
}
