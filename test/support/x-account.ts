import { mkdtemp } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feed } from '../../local/fake-x/feed.ts';
import { type FakeXServer, startFakeXServer } from '../../local/fake-x/server.ts';
import { followConsent } from '../../local/runner/demo-connect.ts';
import type { Table } from '../../shared/adapters/dynamodb/table.ts';
import { DynamoXConnectionStore } from '../../shared/adapters/dynamodb/x-connection-store.ts';
import { FileTokenVault } from '../../shared/adapters/secrets/file-token-vault.ts';
import { TwitterOAuth } from '../../shared/adapters/x/x-oauth.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { completeXConnect, startXConnect } from '../../shared/use-cases/connect-x-account.ts';
import { accessTokens } from '../../shared/use-cases/x-access-token.ts';

/** Two prospects' posts the brand may reply to. */
export const PROSPECT_POSTS = [
  { id: '1800000000000000101', author_id: '201', text: 'evaluating a new CRM, any recommendations?' },
  { id: '1800000000000000102', author_id: '202', text: 'looking for a better pipeline tool' },
  { id: '1800000000000000103', author_id: '203', text: 'which CRM do you use?' },
  { id: '1800000000000000104', author_id: '204', text: 'anyone evaluating Salesforce alternatives?' },
];

export function tinyFeed(): Feed {
  const at = new Date(Date.now() - 60_000).toISOString();
  return {
    tweets: PROSPECT_POSTS.map((p) => ({ ...p, created_at: at })),
    users: PROSPECT_POSTS.map((p) => ({
      id: p.author_id,
      username: `p${p.author_id}`,
      name: `Pat ${p.author_id}`,
    })),
  };
}

/**
 * A fake X server and the brand's account connected to it through the real flow: the connect use
 * case, the fake's consent redirect, the callback's code exchange. Tokens go to an encrypted
 * folder vault in a temporary directory.
 */
export async function connectedAccount(table: Table, clock: Clock = { now: () => new Date() }) {
  const fake: FakeXServer = await startFakeXServer({ feed: tinyFeed() });
  const client = { baseUrl: fake.url, httpAgent: new Agent({ rejectUnauthorized: false, keepAlive: true }) };
  const oauth = new TwitterOAuth({ clientId: fake.account.clientId, ...client });
  const connections = new DynamoXConnectionStore(table);
  const vault = new FileTokenVault(await mkdtemp(join(tmpdir(), 'x-vault-')));
  const deps = { connections, vault, oauth, clock, log: silentLog };
  const { authorizeUrl } = await startXConnect(deps, {
    redirectUri: 'http://127.0.0.1:3000/api/x-account/callback',
    admin: 'ada',
  });
  const back = await followConsent(authorizeUrl);
  await completeXConnect(deps, {
    state: back.searchParams.get('state') ?? '',
    code: back.searchParams.get('code') ?? '',
  });
  const tokens = (owner: string) =>
    accessTokens({ ...deps, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }, { owner });
  return { fake, client, oauth, connections, vault, deps, tokens };
}
