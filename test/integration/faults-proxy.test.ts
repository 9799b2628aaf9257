import {
  DynamoDBClient,
  ListTablesCommand,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/create-resources.ts';
import { type DynamoFault, startDynamoFaultProxy } from '../../local/faults/dynamo-fault-proxy.ts';
import { createSchedule, type FaultRule } from '../../local/faults/schedule.ts';
import { DynamoBudgetStore } from '../../shared/adapters/dynamodb/budget-store.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The real SDK client, with its default retry (standard mode), through a proxy. */
async function clientThrough(rules: FaultRule<DynamoFault>[]) {
  const target = inject('dynamoEndpoint');
  const schedule = createSchedule(rules);
  const proxy = await startDynamoFaultProxy({ target, schedule, slowMs: 50 });
  const client = new DynamoDBClient({
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  stops.push(async () => {
    client.destroy();
    await proxy.stop();
  });
  return { client, doc: DynamoDBDocumentClient.from(client), schedule };
}

describe('DynamoDB fault proxy against the AWS SDK', () => {
  it('a throttling error is retried by the SDK and then succeeds', async () => {
    const { client, schedule } = await clientThrough([{ fault: 'throttling', requests: [1, 2] }]);
    const out = await client.send(new ListTablesCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(schedule.stats().injected.throttling).toBe(2);
  });

  it('ProvisionedThroughputExceeded on every attempt reaches the caller with its type', async () => {
    const { client } = await clientThrough([{ fault: 'provisioned-throughput', probability: 1 }]);
    const error = await client.send(new ListTablesCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    // The SDK's DynamoDB client gives up after its last attempt (4 in this SDK version).
    expect((error as ProvisionedThroughputExceededException).$metadata.attempts).toBeGreaterThanOrEqual(3);
  });

  it('a transaction conflict is not retried and carries one reason per item', async () => {
    const table = `fp-${Date.now()}`;
    await ensureTable(inject('dynamoEndpoint'), table);
    const { doc } = await clientThrough([
      { fault: 'transaction-conflict', operation: 'TransactWriteItems', requests: [1] },
    ]);
    const items = ['a', 'b'].map((id) => ({ Put: { TableName: table, Item: { pk: id, sk: 'x' } } }));
    const error = await doc.send(new TransactWriteCommand({ TransactItems: items })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'TransactionConflict',
      'None',
    ]);
    expect((error as TransactionCanceledException).$metadata.attempts).toBe(1);
  });

  it('a connection dropped after the write makes the SDK send it again: a non-idempotent ADD counts twice', async () => {
    const table = `fp-${Date.now()}-add`;
    await ensureTable(inject('dynamoEndpoint'), table);
    const { doc } = await clientThrough([
      { fault: 'drop-connection', operation: 'UpdateItem', requests: [1] },
    ]);
    const key = { pk: 'counter', sk: 'x' };
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    expect(Item?.n).toBe(2);
  });

  it('a budget read whose answer was dropped counts once: the retry carries the same request token', async () => {
    const table = `fp-${Date.now()}-budget`;
    await ensureTable(inject('dynamoEndpoint'), table);
    const { doc, schedule } = await clientThrough([
      { fault: 'drop-connection', operation: 'TransactWriteItems', requests: [1] },
    ]);
    const budgets = new DynamoBudgetStore({ name: table, doc });

    await budgets.addUse(['account', 'campaign#crm'], '2026-12', 40, 'crm|2026-12-05T00:00:00.000Z|1');
    await budgets.addUse(['account', 'campaign#crm'], '2026-12', 25, 'crm|2026-12-05T00:00:00.000Z|2');
    // A caller that sends the same read again (it never saw the answer) does not count it again.
    await budgets.addUse(['account', 'campaign#crm'], '2026-12', 25, 'crm|2026-12-05T00:00:00.000Z|2');

    expect(schedule.stats().injected['drop-connection']).toBe(1);
    expect(await budgets.used(['account', 'campaign#crm'], '2026-12')).toEqual({
      account: 65,
      'campaign#crm': 65,
    });
  });

  it('a slow answer is still the real answer', async () => {
    const { client, schedule } = await clientThrough([{ fault: 'slow', probability: 1 }]);
    const out = await client.send(new ListTablesCommand({}));
    expect(out.$metadata.attempts).toBe(1);
    expect(schedule.stats().injected.slow).toBe(1);
  });
});
