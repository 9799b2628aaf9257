import { BatchGetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { CohortSchema, DealSchema, FunnelStageSchema, VELOCITY_METRICS } from '../../domain/funnel.ts';
import type { LeadHistory } from '../../domain/funnel-replay.ts';
import { LeadEventSchema } from '../../domain/lead-state.ts';
import type { Log } from '../../ports/log.ts';
import { aggregateUpdates, PENDING_FUNNEL } from './funnel-items.ts';
import { isConditionFailure, type Table } from './table.ts';
import { isTransactionConflict, transactWrite } from './transact.ts';

const DeltaItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  cohort: CohortSchema,
  delta: z.object({
    stages: z.array(FunnelStageSchema),
    reviewThenMql: z.boolean(),
    durations: z.array(z.object({ metric: z.enum(VELOCITY_METRICS), hours: z.number() })),
    deal: DealSchema.optional(),
  }),
});
type DeltaItem = z.infer<typeof DeltaItemSchema>;

/** 20 deltas touch at most 80 aggregate items: a batch always fits one 100-item transaction. */
const BATCH = 20;

async function readConsistent(
  table: Table,
  keys: { pk: string; sk: string }[],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let pending: { pk: string; sk: string }[] = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 8) throw new Error('DynamoDB kept funnel reads unprocessed');
    if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    const res = await table.doc.send(
      new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }),
    );
    out.push(...(res.Responses?.[table.name] ?? []));
    pending = (res.UnprocessedKeys?.[table.name]?.Keys ?? []) as { pk: string; sk: string }[];
  }
  return out;
}

/**
 * Applies a batch: each delta item is deleted on condition that it still exists, in the same
 * transaction as the summed counter updates. A delta is therefore counted exactly once, however
 * many appliers run and whatever fails between them.
 */
async function applyBatch(table: Table, deltas: DeltaItem[]): Promise<boolean> {
  try {
    await transactWrite(table, [
      ...deltas.map((d) => ({
        Delete: {
          TableName: table.name,
          Key: { pk: d.pk, sk: d.sk },
          ConditionExpression: 'attribute_exists(pk)',
        },
      })),
      ...aggregateUpdates(table.name, deltas),
    ]);
    return true;
  } catch (error) {
    if (isConditionFailure(error) || isTransactionConflict(error)) return false;
    throw error;
  }
}

export async function applyPendingDeltas(
  table: Table,
  log: Log | undefined,
  maxDeltas = 5_000,
): Promise<{ applied: number; skipped: number }> {
  let applied = 0;
  let skipped = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :p',
        ExpressionAttributeValues: { ':p': PENDING_FUNNEL },
        Limit: BATCH,
        ExclusiveStartKey: start,
      }),
    );
    start = page.LastEvaluatedKey;
    const keys = (page.Items ?? []).map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
    // The index lags: read each delta from the table itself; one already applied is gone.
    for (let attempt = 0; attempt < 3 && keys.length > 0; attempt++) {
      const deltas: DeltaItem[] = [];
      for (const item of await readConsistent(table, keys)) {
        const parsed = DeltaItemSchema.safeParse(item);
        if (parsed.success) deltas.push(parsed.data);
        else {
          skipped++;
          log?.warn('skipped a malformed funnel delta', { pk: String(item.pk), sk: String(item.sk) });
        }
      }
      if (deltas.length === 0 || (await applyBatch(table, deltas))) {
        applied += deltas.length;
        break;
      }
    }
  } while (start && applied < maxDeltas);
  return { applied, skipped };
}

/** Every lead's cohort and events, by a scan: for the recount check and audits, not for reports. */
export async function listHistories(table: Table): Promise<LeadHistory[]> {
  const byLead = new Map<string, LeadHistory>();
  const entry = (pk: string) => {
    const h = byLead.get(pk) ?? { events: [] };
    byLead.set(pk, h);
    return h;
  };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.name,
        FilterExpression: 'begins_with(pk, :lead) AND (sk = :lead_sk OR begins_with(sk, :event))',
        ExpressionAttributeValues: { ':lead': 'LEAD#', ':lead_sk': '#LEAD', ':event': 'EVENT#' },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const h = entry(String(item.pk));
      if (item.sk === '#LEAD') {
        const cohort = CohortSchema.safeParse(item.cohort);
        if (cohort.success) h.cohort = cohort.data;
      } else {
        const event = LeadEventSchema.safeParse(item.event);
        if (event.success) h.events.push(event.data);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return [...byLead.values()];
}
