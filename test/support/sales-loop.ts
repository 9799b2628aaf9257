import { DIMENSIONS, type Dimension } from '../../shared/domain/funnel.ts';
import { replayFunnel } from '../../shared/domain/funnel-replay.ts';
import { emptyTotals, type FunnelTotals, mergeTotals } from '../../shared/domain/funnel-report.ts';
import type { FunnelStore } from '../../shared/ports/funnel-store.ts';

/** Aggregates after folding in every pending delta, per dimension and group, over all weeks. */
export async function storedFunnel(funnel: FunnelStore): Promise<Map<Dimension, Map<string, FunnelTotals>>> {
  await funnel.applyPendingDeltas();
  const out = new Map<Dimension, Map<string, FunnelTotals>>();
  for (const dimension of DIMENSIONS) {
    const groups = new Map<string, FunnelTotals>();
    for (const cell of (await funnel.readFunnel(dimension, '0000-W00', '9999-W99')).cells)
      groups.set(cell.key, mergeTotals(groups.get(cell.key) ?? emptyTotals(), cell.totals));
    out.set(dimension, groups);
  }
  return out;
}

/** The same, rebuilt from the events alone. */
export async function recountedFunnel(funnel: FunnelStore) {
  return replayFunnel(await funnel.listHistories());
}

/** Plain objects, so a mismatch shows as a readable diff. */
export function asPlain(m: Map<Dimension, Map<string, FunnelTotals>>) {
  return Object.fromEntries(
    [...m].map(([d, g]) => [d, Object.fromEntries([...g].sort(([a], [b]) => a.localeCompare(b)))]),
  );
}
