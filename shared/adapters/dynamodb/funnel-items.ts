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

/**
 * Funnel aggregates: one item per dimension, week and group (`FUNNEL#source` / `2026-W49#x`),
 * each counter a top-level number so a transition can ADD to it in the same transaction that
 * moves the lead. Histogram buckets are attributes too (`h_mqlToAccepted_36`).
 */
export const funnelKey = (dimension: string, week: string, group: string, shard: number) => ({
  pk: `FUNNEL#${dimension}`,
  sk: `${week}#${group}#${shard}`,
});

/**
 * Every lead of a busy week and source would add to the same item, and transactions touching one
 * item serialise; spreading a group over a few shards (by lead) keeps qualification from queuing.
 * A report reads shards × weeks × groups items.
 */
export const FUNNEL_SHARDS = 4;

export function shardOf(leadKey: string): number {
  let h = 0;
  for (let i = 0; i < leadKey.length; i++) h = (h * 31 + leadKey.charCodeAt(i)) >>> 0;
  return h % FUNNEL_SHARDS;
}

const month = (iso: string) => iso.slice(0, 7);

function counterNames(delta: FunnelDelta): string[] {
  const names = delta.stages.map((s) => `n_${s}`);
  if (delta.reviewThenMql) names.push('n_reviewThenMql');
  for (const d of delta.durations) names.push(`h_${d.metric}_${d.hours}`);
  if (delta.deal) names.push(`dn_${delta.deal.currency}`);
  return names;
}

/** The Update items one transition adds to a transaction: one per dimension of the cohort. */
export function funnelUpdates(tableName: string, leadKey: string, cohort: Cohort, delta: FunnelDelta) {
  const names = counterNames(delta);
  const attrNames: Record<string, string> = {};
  const adds = names.map((n, i) => {
    attrNames[`#c${i}`] = n;
    return `#c${i} :one`;
  });
  const values: Record<string, unknown> = { ':one': 1 };
  if (delta.deal) {
    attrNames['#dv'] = `dv_${delta.deal.currency}`;
    values[':dv'] = delta.deal.value;
    adds.push('#dv :dv');
  }
  return DIMENSIONS.map((dimension) => ({
    Update: {
      TableName: tableName,
      Key: funnelKey(dimension, cohort.week, groupKey(cohort, dimension), shardOf(leadKey)),
      UpdateExpression: `SET gkey = :key, week = :week ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: attrNames,
      ExpressionAttributeValues: { ...values, ':key': groupKey(cohort, dimension), ':week': cohort.week },
    },
  }));
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
