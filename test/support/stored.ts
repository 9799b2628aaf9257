import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../../shared/adapters/dynamodb/table.ts';

/** Every item whose sort key is `sk` (tests only: a Scan is never an access pattern of ours). */
export async function scanItems(table: Table, sk: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.name,
        FilterExpression: 'sk = :sk',
        ExpressionAttributeValues: { ':sk': sk },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function storedPostIds(table: Table): Promise<string[]> {
  return (await scanItems(table, '#POST')).map((i) => String(i.pk).split('#')[2] ?? '').sort();
}
