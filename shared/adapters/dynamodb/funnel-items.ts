import {
  type Cohort,
  DIMENSIONS,
  FUNNEL_STAGES,
  type FunnelDelta,
  groupKey,
  VELOCITY_METRICS,
} from '../../domain/funnel.ts';
import { emptyTotals, type FunnelTotals } from '../../domain/funnel-report.ts';
import type { FeedbackRecord, WonRecord } from '../../domain/sales-records.ts';

const month = (iso: string) => iso.slice(0, 7);

/**
 * Funnel aggregates: one item per dimension, week and group (`FUNNEL#source` / `2026-W49#x`),
 * each counter a top-level number so a transition can ADD to it in the same transaction that
 * moves the lead. Histogram buckets are attributes too (`h_mqlToAccepted_36`).
 */
export const funnelKey = (dimension: string, week: string, group: string) => ({
  pk: `FUNNEL#${dimension}`,
  sk: `${week}#${group}`,
});

/** Sparse-index partition of transitions whose funnel increments are not yet in the aggregates. */
export const PENDING_FUNNEL = 'FUNNEL_PENDING';

/**
 * A transition's funnel increments, written in the lead's own transaction (an outbox item):
 * every lead would otherwise add to the same few counter items at once, and transactions on one
 * item serialise. `applyFunnelDeltas` moves them into the aggregates later, exactly once.
 */
export function funnelDeltaPut(
  tableName: string,
  leadKey: string,
  revision: number,
  cohort: Cohort,
  delta: FunnelDelta,
  at: string,
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `LEAD#${leadKey}`,
        sk: `FDELTA#${String(revision).padStart(10, '0')}`,
        gsi3pk: PENDING_FUNNEL,
        gsi3sk: `${at}#${leadKey}#${revision}`,
        cohort,
        delta,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function counterNames(delta: FunnelDelta): string[] {
  const names = delta.stages.map((s) => `n_${s}`);
  if (delta.reviewThenMql) names.push('n_reviewThenMql');
  for (const d of delta.durations) names.push(`h_${d.metric}_${d.hours}`);
  if (delta.deal) names.push(`dn_${delta.deal.currency}`);
  return names;
}

/**
 * The Update items that add a batch of deltas to the aggregates: one per dimension and group,
 * each delta's counters summed first, so a batch of a hundred leads is a handful of writes.
 */
export function aggregateUpdates(
  tableName: string,
  deltas: readonly { cohort: Cohort; delta: FunnelDelta }[],
) {
  const sums = new Map<
    string,
    { key: ReturnType<typeof funnelKey>; group: string; week: string; add: Map<string, number> }
  >();
  for (const { cohort, delta } of deltas) {
    for (const dimension of DIMENSIONS) {
      const group = groupKey(cohort, dimension);
      const key = funnelKey(dimension, cohort.week, group);
      const id = `${key.pk}|${key.sk}`;
      const entry = sums.get(id) ?? { key, group, week: cohort.week, add: new Map<string, number>() };
      for (const name of counterNames(delta)) entry.add.set(name, (entry.add.get(name) ?? 0) + 1);
      if (delta.deal) {
        const dv = `dv_${delta.deal.currency}`;
        entry.add.set(dv, (entry.add.get(dv) ?? 0) + delta.deal.value);
      }
      sums.set(id, entry);
    }
  }
  return [...sums.values()].map(({ key, group, week, add }) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':key': group, ':week': week };
    const parts = [...add].map(([name, n], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = n;
      return `#c${i} :c${i}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET gkey = :key, week = :week ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** Reads an aggregate item back into totals; unknown attributes are ignored. */
export function toTotals(item: Record<string, unknown>): FunnelTotals {
  const t = emptyTotals();
  for (const [name, raw] of Object.entries(item)) {
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    if (name.startsWith('n_')) {
      const stage = name.slice(2);
      if (stage === 'reviewThenMql') t.reviewThenMql = value;
      else if ((FUNNEL_STAGES as readonly string[]).includes(stage))
        t.counts[stage as keyof typeof t.counts] = value;
    } else if (name.startsWith('h_')) {
      const [, metric, hours] = name.split('_');
      if (metric && hours && (VELOCITY_METRICS as readonly string[]).includes(metric))
        t.durations[metric as keyof typeof t.durations][hours] = value;
    } else if (name.startsWith('dv_') || name.startsWith('dn_')) {
      const currency = name.slice(3);
      const d = t.deals[currency] ?? { total: 0, count: 0 };
      if (name.startsWith('dv_')) d.total = value;
      else d.count = value;
      t.deals[currency] = d;
    }
  }
  return t;
}

/** A decision's feedback item, in the lead's partition and indexed by month. */
export function feedbackPut(tableName: string, record: FeedbackRecord, revision: number) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `LEAD#${record.leadKey}`,
        sk: `FEEDBACK#${record.at}#${String(revision).padStart(10, '0')}`,
        gsi1pk: `FEEDBACK#${month(record.at)}`,
        gsi1sk: `${record.at}#${record.leadKey}`,
        record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function wonPut(tableName: string, record: WonRecord) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `LEAD#${record.leadKey}`,
        sk: `WON#${record.at}`,
        gsi1pk: `WON#${month(record.at)}`,
        gsi1sk: `${record.at}#${record.leadKey}`,
        record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
