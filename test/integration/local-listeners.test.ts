import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { buildHnFixture } from '../../local/fake-sources/hackernews-fixture.ts';
import { startFakeHackerNewsServer } from '../../local/fake-sources/hackernews-server.ts';
import { loadFeed } from '../../local/fake-x/feed.ts';
import { startFakeXServer } from '../../local/fake-x/server.ts';
import { SAMPLE_FEED } from '../../local/stack.ts';
import { HTTP_PROBE, listeningAddresses, ownNonLoopbackAddresses, probe } from '../support/listeners.ts';

const portOf = (url: string) => Number(new URL(url).port);
const LOOPBACK = new Set(['127.0.0.1', '::1']);

describe('local servers keep personal data on this machine', () => {
  const stops: (() => Promise<void>)[] = [];
  const servers: Record<string, string> = {};

  beforeAll(async () => {
    const x = await startFakeXServer({ feed: loadFeed(SAMPLE_FEED) });
    const hn = await startFakeHackerNewsServer({ fixture: buildHnFixture({ posts: 3, authors: 2 }) });
    stops.push(x.stop, hn.stop);
    Object.assign(servers, {
      'SQS emulator (fauxqs)': inject('sqsEndpoint'),
      'fake X API': x.url,
      'fake source API (http-kit)': hn.url,
    });
  });
  afterAll(async () => {
    await Promise.all(stops.map((s) => s()));
  });

  it('this machine has an address other than loopback to probe from', () => {
    // Without one the connection checks below would prove nothing; /proc still would.
    expect(ownNonLoopbackAddresses().length).toBeGreaterThan(0);
  });

  it('the SQS emulator and the fake servers listen on 127.0.0.1 only', async () => {
    for (const [name, url] of Object.entries(servers)) {
      const port = portOf(url);
      expect({ name, addresses: listeningAddresses(port) }).toEqual({ name, addresses: ['127.0.0.1'] });
      expect(await probe('127.0.0.1', port, HTTP_PROBE)).toMatch(/^HTTP\/1\.1 \d{3}|^$/);
      for (const address of ownNonLoopbackAddresses())
        expect({ name, address, answer: await probe(address, port, HTTP_PROBE) }).toEqual({
          name,
          address,
          answer: 'refused',
        });
    }
  });

  it('DynamoDB Local answers loopback and drops every connection from another address unanswered', async () => {
    const port = portOf(inject('dynamoEndpoint'));
    // It binds every interface (no bind option), so the guard is at accept, not at bind.
    expect(listeningAddresses(port).some((a) => !LOOPBACK.has(a))).toBe(true);
    expect(await probe('127.0.0.1', port, HTTP_PROBE)).toMatch(/^HTTP\/1\.1 \d{3}/);
    for (const address of ownNonLoopbackAddresses())
      expect({ address, answer: await probe(address, port, HTTP_PROBE) }).toEqual({ address, answer: '' });
  });

  it("keeps DynamoDB Local's data folder private to this user, even one made open before", async () => {
    const root = await mkdtemp(join(tmpdir(), 'prospector-ddb-'));
    const dataDir = join(root, 'dynamodb');
    await mkdir(dataDir, { mode: 0o755 });
    const dynamo = await startDynamoDbLocal({ dataDir });
    try {
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      expect(dynamo.loopbackOnly).toBe(true);
    } finally {
      await dynamo.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
