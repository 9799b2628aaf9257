import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Lead, Page } from '../../ports/lead-store.ts';
import { decodeCursor, encodeCursor, InvalidCursorError, type Table } from './table.ts';

const ChangesCursorSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  key: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The day and key a changes cursor resumes at, checked against this walk's window: a cursor's
 * day outside `since`..`until` would walk (one query a day) past the window the caller was
 * allowed, so it is refused like any bad cursor.
 */
function resumeAt(cursor: string | undefined, since: string, until: string) {
  const decoded = decodeCursor(cursor);
  if (decoded === undefined) return undefined;
  const parsed = ChangesCursorSchema.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError();
  if (parsed.data.day < day(since) || parsed.data.day > day(until))
    throw new InvalidCursorError(
      `its day ${parsed.data.day} is outside the window ${day(since)}..${day(until)}`,
    );
  return parsed.data;
}

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
  const start = resumeAt(cursor, since, until);
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
