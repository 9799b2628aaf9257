import { buildXSource } from '../../shared/adapters/build.ts';
import type { Campaign } from '../../shared/domain/campaign.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { noMetrics } from '../../shared/ports/metrics.ts';
import type { DiscoverDeps, DiscoverOptions } from '../../shared/use-cases/discover-posts.ts';
import type { freshStores } from './local-resources.ts';

/** A campaign whose query every post of `buildFeed` matches. */
export const crmCampaign: Campaign = {
  id: 'crm-test',
  source: 'x',
  name: 'CRM test',
  product: 'Pipeline CRM',
  query: 'crm',
  cadenceMinutes: 15,
  active: true,
  owner: 'test@example.com',
};

/** Generous limits, so a test meets only the limit it sets itself. */
export const walkOptions: DiscoverOptions = {
  pageSize: 100,
  maxPagesPerCampaign: 50,
  backfillDays: 7,
  remainingMs: () => 600_000,
  minRemainingMs: 1_000,
  accountMonthlyBudget: 1_000_000,
  force: true,
};

/** Discovery wired to real stores and the fake X server at `url`. */
export function xDiscoveryDeps(
  stores: Awaited<ReturnType<typeof freshStores>>,
  url: string,
  clock: Clock,
): DiscoverDeps {
  return {
    ...stores,
    sources: { x: buildXSource({ X_API_BASE_URL: url, X_TLS_INSECURE: true }, 'local-token') },
    clock,
    log: silentLog,
    metrics: noMetrics,
  };
}
