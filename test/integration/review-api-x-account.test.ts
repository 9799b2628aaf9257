import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { connectDemoAccount } from '../../local/runner/demo-connect.ts';
import { LocalIdentity } from '../../local/runner/local-identity.ts';
import { type EngagementTask, taskId } from '../../shared/domain/engagement-task.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { connectedAccount } from '../support/x-account.ts';

describe("the review API's X account and draft routes", () => {
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let account: Awaited<ReturnType<typeof connectedAccount>>;
  let app: ReturnType<typeof createApp>;
  const identity = new LocalIdentity();
  const as = (id: string, role: 'admin' | 'marketer') => ({
    authorization: `Bearer ${identity.sign({ id, roles: [role] })}`,
  });

  beforeAll(async () => {
    stores = await freshStores();
    // The helper connects once; this suite disconnects first and reconnects through the routes.
    account = await connectedAccount(stores.table);
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => new Date() },
      log: silentLog,
      identify: identity.identify,
      xAccount: { connections: account.connections, vault: account.vault, oauth: account.oauth },
    });
  });
  afterAll(() => account.fake.stop());

  it('disconnect revokes the refresh token and forgets the tokens; connect goes through X consent and the callback', async () => {
    const refresh = (await account.vault.get())?.refreshToken;

    const off = await app.request('/api/x-account/disconnect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as('ada', 'admin') },
      body: '{}',
    });
    const offBody = await off.json();
    const username = await connectDemoAccount(app, as('ada', 'admin'));
    const status = await (await app.request('/api/x-account', { headers: as('ada', 'admin') })).text();

    expect(offBody).toMatchObject({ status: 'disconnected', reason: 'disconnected by ada' });
    expect(account.fake.account.revoked).toContain(refresh);
    expect(username).toBe(account.fake.account.user.username);
    expect(JSON.parse(status)).toMatchObject({ status: 'connected', connectedBy: 'ada' });
    const tokens = await account.vault.get();
    expect(status).not.toContain(tokens?.accessToken);
    expect(status).not.toContain(tokens?.refreshToken);
  });

  it('a callback with an unknown or reused state connects nothing and says so', async () => {
    const res = await app.request('/api/x-account/callback?state=aaaaaaaaaaaaaaaaaaaa&code=abc');

    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?x-account=expired');
  });

  it('edits a draft, refuses an over-long one naming the limit, and approves the edited text', async () => {
    const key = 'x#201';
    const task: EngagementTask = {
      id: taskId(key, 'reply', '1800000000000000101'),
      prospectKey: key,
      source: 'x',
      kind: 'reply',
      postId: '1800000000000000101',
      draft: 'template text',
      status: 'drafted',
      createdAt: new Date().toISOString(),
    };
    await stores.tasks.putDraft(task);
    const url = `/api/tasks/x/201/${task.id}`;
    const put = (text: string) =>
      app.request(`${url}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...as('mia', 'marketer') },
        body: JSON.stringify({ text }),
      });

    const tooLong = await put(`${'a'.repeat(270)} https://example.com/a/very/long/path 🙂🙂`);
    const edited = await put('Hi Pat, a short note from Mia.');
    const approved = await app.request(`${url}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as('mia', 'marketer') },
      body: JSON.stringify({}),
    });

    expect(tooLong.status).toBe(422);
    expect(((await tooLong.json()) as { error: string }).error).toMatch(
      /^text: 299 weighted characters.*X allows 280/,
    );
    expect(edited.status).toBe(200);
    expect(approved.status).toBe(200);
    expect(await stores.tasks.getTask(key, task.id)).toMatchObject({
      status: 'approved',
      draft: 'Hi Pat, a short note from Mia.',
      editedBy: 'mia',
      approvedBy: 'mia',
    });
  });
});
