import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoBudgetStore } from '../../shared/adapters/dynamodb/budget-store.ts';
import { openTable } from '../../shared/adapters/dynamodb/table.ts';
import { freshStores } from '../support/local-resources.ts';

/**
 * A loopback proxy in front of DynamoDB Local that answers the next `faults` BatchGetItem calls
 * as DynamoDB does under throttling: 200, nothing in Responses, every key in UnprocessedKeys.
 */
async function unprocessedKeysProxy(target: string) {
  const state = { faults: 0, batchGets: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (String(req.headers['x-amz-target']).endsWith('.BatchGetItem')) {
        state.batchGets++;
        if (state.faults > 0) {
          state.faults--;
          const request = JSON.parse(body.toString('utf8')) as { RequestItems: Record<string, unknown> };
          const responses = Object.fromEntries(Object.keys(request.RequestItems).map((t) => [t, []]));
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(JSON.stringify({ Responses: responses, UnprocessedKeys: request.RequestItems }));
          return;
        }
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
      ) as Record<string, string>;
      const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('a BatchGetItem that DynamoDB answers only in part', () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let proxy: Awaited<ReturnType<typeof unprocessedKeysProxy>>;

  beforeAll(async () => {
    stores = await freshStores();
    const endpoint = String(
      await stores.table.doc.config.endpoint?.().then((e) => `${e.protocol}//${e.hostname}:${e.port}`),
    );
    proxy = await unprocessedKeysProxy(endpoint);
  });
  afterAll(() => proxy?.stop());

  it('asks again for unprocessed keys, so a spent budget is never read as 0', async () => {
    await stores.budgets.addUse(['account', 'campaign:crm'], '2026-12', 40, 'read-1');
    const throughProxy = new DynamoBudgetStore(
      openTable({ tableName: stores.table.name, region: 'us-east-1', endpoint: proxy.url }),
    );
    proxy.state.faults = 2;

    const used = await throughProxy.used(['account', 'campaign:crm'], '2026-12');

    expect(used).toEqual({ account: 40, 'campaign:crm': 40 });
    expect(proxy.state.batchGets).toBe(3);
  });
});
