import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * One table, generic key names, four sparse GSIs. Infra and the local stack both build the table
 * from this description so they cannot drift apart.
 */
export const TABLE_LAYOUT = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  indexes: [
    /** Items by status: leads by state (highest score first), tasks by status (oldest first). */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Leads by the day they changed: the CRM export's watermark walk without a Scan. */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Prospects with unscored evidence; the attribute is removed when they are scored. */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /**
     * Leads by state, latest evidence first: the state partition of gsi1 (a lead's `gsi1pk`) sorted
     * by when its most recent post was recorded. Only leads carry `gsi4sk`, so tasks and records
     * sharing gsi1's key are not in it.
     */
    { name: 'gsi4', partitionKey: 'gsi1pk', sortKey: 'gsi4sk' },
  ],
} as const;

export interface DynamoSettings {
  tableName: string;
  region: string;
  endpoint?: string;
}

export interface Table {
  name: string;
  doc: DynamoDBDocumentClient;
}

/** Builds the client once per runtime; the SDK's own retry (standard mode, 3 attempts) applies. */
export function openTable(settings: DynamoSettings): Table {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return {
    name: settings.tableName,
    doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
  };
}

export const keys = {
  post: (source: string, id: string) => ({ pk: `POST#${source}#${id}`, sk: '#POST' }),
  lead: (key: string) => ({ pk: `LEAD#${key}`, sk: '#LEAD' }),
  leadPartition: (key: string) => `LEAD#${key}`,
  signal: (key: string, postId: string) => ({ pk: `LEAD#${key}`, sk: `SIGNAL#${postId}` }),
  task: (prospectKey: string, id: string) => ({ pk: `LEAD#${prospectKey}`, sk: `TASK#${id}` }),
  campaign: (id: string) => ({ pk: 'CAMPAIGN', sk: id }),
  definition: (version: number) => ({ pk: 'MQLDEF', sk: `V#${String(version).padStart(6, '0')}` }),
  currentDefinition: () => ({ pk: 'MQLDEF', sk: 'CURRENT' }),
  dailySlot: (account: string, day: string) => ({ pk: `CAP#${account}`, sk: day }),
};

/** Sorts numerically as a string: scores are non-negative in the index, two decimals kept. */
export function scoreSortKey(score: number, key: string): string {
  const cents = Math.max(0, Math.round(score * 100));
  return `${String(cents).padStart(10, '0')}#${key}`;
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * A store cursor back into a key. The API only passes cursors whose signature it checked (see
 * functions/review-api/page-cursor.ts); this still refuses anything that is not a JSON object,
 * so a bad cursor is an `InvalidCursorError`, never a DynamoDB validation error.
 */
export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidCursorError();
  return value as Record<string, unknown>;
}

export class InvalidCursorError extends Error {
  constructor(why = 'not one this API issued for this list') {
    super(`cursor: ${why}`);
    this.name = 'InvalidCursorError';
  }
}

/** Condition failures are outcomes here (duplicates, lost races), not faults. */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/** Every item a query matches, page after page: for partitions we know stay small. */
export async function queryAll(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: start }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
