import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Lead, Page } from '../../ports/lead-store.ts';
import { decodeCursor, encodeCursor, type Table } from './table.ts';

const day = (iso: string) => iso.slice(0, 10);

function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Leads changed between `since` and `until`, oldest first, walking gsi2's one partition per day;
 * the cursor carries the day and the key within it, so an incremental export resumes exactly.
 */
export async function queryChangedSince(
  table: Table,
  toLeads: (items: Record<string, unknown>[]) => { items: Lead[]; skipped: number },
  since: string,
  until: string,
  limit: number,
  cursor?: string,
): Promise<Page<Lead>> {
  // The cursor carries the day being walked and the key within it, so pages resume exactly.
  const start = decodeCursor(cursor) as { day: string; key?: Record<string, unknown> } | undefined;
  const items: Lead[] = [];
  let skipped = 0;
  let currentDay = start?.day ?? day(since);
  let exclusiveStart = start?.key;
  while (currentDay <= day(until) && items.length < limit) {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':p': `CHANGED#${currentDay}`, ':from': since, ':to': `${until}~` },
        Limit: limit - items.length,
        ExclusiveStartKey: exclusiveStart,
      }),
    );
    // A malformed item is logged and counted by `toLeads` and walked past: it never blocks the window.
    const parsed = toLeads(page.Items ?? []);
    items.push(...parsed.items);
    skipped += parsed.skipped;
    if (page.LastEvaluatedKey) {
      exclusiveStart = page.LastEvaluatedKey;
      if (items.length >= limit)
        return { items, skipped, nextCursor: encodeCursor({ day: currentDay, key: exclusiveStart }) };
    } else {
      exclusiveStart = undefined;
      currentDay = nextDay(currentDay);
    }
  }
  const more = currentDay <= day(until);
  return {
    items,
    skipped,
    nextCursor: more ? encodeCursor({ day: currentDay, key: exclusiveStart }) : undefined,
  };
}
