import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeXServer, type Fault, startFakeXServer } from '../../local/fake-x/server.ts';
import { buildFeed, snowflakeAt } from '../support/feed-builder.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function get(base: string, params: Record<string, string>): Promise<Answer> {
  const url = new URL(`2/tweets/search/recent?${new URLSearchParams(params)}`, base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { rejectUnauthorized: false, headers: { authorization: 'Bearer local-token' } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const FAULTS: Record<string, Fault> = {
  rl: 'rate-limit',
  cap: 'usage-cap',
  enrol: 'client-not-enrolled',
  down: 'server-error',
};

describe('the fake X server answers as X does', () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      feed: buildFeed({ posts: 30, authors: 5 }),
      faultFor: (_, p) => FAULTS[p.get('query') ?? ''],
    });
  });
  afterAll(async () => server.stop());

  it('refuses a 30-day-old since_id with the InvalidRequestProblem body naming it', async () => {
    const old = snowflakeAt(Date.now() - 30 * 86_400_000);

    const answer = await get(server.url, { query: 'crm', since_id: old });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      title: 'Invalid Request',
      type: 'https://api.twitter.com/2/problems/invalid-request',
      errors: [
        {
          parameters: { since_id: [old] },
          message: expect.stringContaining("'since_id' must be a tweet id created after"),
        },
      ],
    });
  });

  it('refuses a negation-only query', async () => {
    const answer = await get(server.url, { query: '-giveaway -spam' });

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { parameters: { query: ['-giveaway -spam'] }, message: expect.stringContaining('non-negation term') },
    ]);
  });

  it('puts x-rate-limit headers on answers and refusals alike, and a usage cap leaves the window open', async () => {
    const answers = await Promise.all(
      ['crm', 'rl', 'cap', 'enrol', 'down'].map((query) => get(server.url, { query })),
    );
    const bad = await get(server.url, { query: 'crm', max_results: '5' });

    for (const a of [...answers, bad]) {
      expect(Number(a.headers['x-rate-limit-limit'])).toBe(450);
      expect(a.headers['x-rate-limit-remaining']).toMatch(/^\d+$/);
      expect(a.headers['x-rate-limit-reset']).toMatch(/^\d+$/);
    }
    expect(answers.map((a) => a.status)).toEqual([200, 429, 429, 403, 503]);
    expect(Number(answers[2]?.headers['x-rate-limit-remaining'])).toBeGreaterThan(400);
    expect(answers[2]?.body).toMatchObject({
      title: 'UsageCapExceeded',
      period: 'Monthly',
      scope: 'Product',
    });
    expect(answers[3]?.body).toMatchObject({
      reason: 'client-not-enrolled',
      type: 'https://api.twitter.com/2/problems/client-forbidden',
    });
  });
});
