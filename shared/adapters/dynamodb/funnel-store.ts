import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Dimension } from '../../domain/funnel.ts';
import {
  type FeedbackRecord,
  FeedbackRecordSchema,
  type WonRecord,
  WonRecordSchema,
} from '../../domain/sales-records.ts';
import type { FunnelCell, FunnelStore } from '../../ports/funnel-store.ts';
import type { Log } from '../../ports/log.ts';
import { applyPendingDeltas, listHistories } from './funnel-deltas.ts';
import { toTotals } from './funnel-items.ts';
import { isConditionFailure, queryAll, type Table } from './table.ts';

const DIGEST_KEY = { pk: 'DIGEST', sk: 'WON' };

/** Months from `from` to `to` inclusive, `YYYY-MM`: the index partitions a range touches. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The read side of the sales loop on DynamoDB; each list reads its own index range, never the table. */
export class DynamoFunnelStore implements FunnelStore {
  constructor(
    private readonly table: Table,
    private readonly log?: Log,
  ) {}

  async readFunnel(dimension: Dimension, fromWeek: string, toWeek: string) {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `FUNNEL#${dimension}`,
        ':from': fromWeek,
        ':to': `${toWeek}#\uffff`,
      },
    });
    const cells: FunnelCell[] = items.map((i) => ({
      key: String(i.gkey),
      week: String(i.week),
      totals: toTotals(i),
    }));
    return { cells, itemsRead: items.length };
  }

  applyPendingDeltas(maxDeltas?: number) {
    return applyPendingDeltas(this.table, this.log, maxDeltas);
  }

  listHistories() {
    return listHistories(this.table);
  }

  private async listByMonth<T>(
    prefix: string,
    from: string,
    to: string,
    parse: (item: Record<string, unknown>) => T | undefined,
  ): Promise<T[]> {
    const out: T[] = [];
    for (const m of monthsBetween(from, to)) {
      const items = await queryAll(this.table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `${prefix}#${m}`, ':from': from, ':to': `${to}\uffff` },
        ScanIndexForward: false,
      });
      for (const item of items) {
        const parsed = parse(item);
        if (parsed !== undefined) out.push(parsed);
      }
    }
    return out;
  }

  /** A malformed record is logged by key and skipped: one bad item never sinks a report. */
  private parser<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, what: string) {
    return (item: Record<string, unknown>) => {
      const r = schema.safeParse(item.record);
      if (r.success) return r.data as T;
      this.log?.warn(`skipped a malformed ${what} record`, { pk: String(item.pk), sk: String(item.sk) });
      return undefined;
    };
  }

  listFeedback(from: string, to: string): Promise<FeedbackRecord[]> {
    return this.listByMonth('FEEDBACK', from, to, this.parser(FeedbackRecordSchema, 'feedback'));
  }

  async listWon(from: string, to: string): Promise<WonRecord[]> {
    const won = await this.listByMonth('WON', from, to, this.parser(WonRecordSchema, 'won'));
    return won.sort((a, b) => b.at.localeCompare(a.at));
  }

  async getDigestMark(): Promise<string | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: DIGEST_KEY, ConsistentRead: true }),
    );
    return Item ? String(Item.mark) : undefined;
  }

  async saveDigestMark(previous: string | undefined, next: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...DIGEST_KEY, mark: next },
          ...(previous === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'mark = :prev', ExpressionAttributeValues: { ':prev': previous } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
