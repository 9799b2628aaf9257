import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/review-api/app.ts';
import { taskId } from '../../shared/domain/engagement-task.ts';
import { silentLog } from '../../shared/ports/log.ts';
import { everyRole } from '../support/identity.ts';
import { freshQueue, freshStores } from '../support/local-resources.ts';
import { seedPost } from '../support/seed-post.ts';

/** The data the workspace pages read: review cards, a lead's timeline, and skipping a draft. */
describe('the review workspace API', () => {
  let app: ReturnType<typeof createApp>;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  const now = new Date();
  const task = { id: taskId('x#501', 'reply', '9501'), prospectKey: 'x#501' };
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-user': 'mia' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    stores = await freshStores();
    const { queue } = await freshQueue();
    app = createApp({
      ...stores,
      queue,
      clock: { now: () => new Date() },
      log: silentLog,
      identify: everyRole(),
    });
    await seedPost(stores.posts, { authorId: '501', postId: '9500', text: 'We are hiring SDRs' }, now);
    await seedPost(
      stores.posts,
      { authorId: '501', postId: '9501', text: 'Any alternative to HubSpot? Need a POC' },
      now,
    );
    const lead = await stores.leads.getLead('x#501');
    await stores.leads.saveScore(
      'x#501',
      lead!.revision,
      {
        score: 45,
        definitionVersion: 1,
        state: 'review',
        breakdown: [
          { ruleId: 'fit.title.executive', kind: 'fit.keyword', points: 20, evidence: 'VP' },
          {
            ruleId: 'intent.shopping',
            kind: 'intent.phrase',
            points: 15,
            evidence: 'alternative to',
            postId: '9501',
          },
          {
            ruleId: 'intent.competitor',
            kind: 'intent.competitor',
            points: 10,
            evidence: 'HubSpot',
            postId: '9501',
          },
          {
            ruleId: 'intent.model',
            kind: 'intent.model',
            points: 0,
            evidence: 'p=0.41 (model m-7)',
            postId: '9501',
          },
        ],
      },
      now,
    );
    await stores.tasks.putDraft({
      ...task,
      source: 'x',
      kind: 'reply',
      postId: '9501',
      draft: 'Happy to help',
      status: 'drafted',
      createdAt: now.toISOString(),
    });
  });

  it('lists review cards with the post that scored, its matched words and the breakdown in words', async () => {
    const res = await call('GET', '/api/leads?state=review');
    const body = (await res.json()) as {
      items: {
        key: string;
        scoringPost?: { postId: string; highlights: string[] };
        why: string[];
        score: number;
      }[];
    };

    expect(res.status).toBe(200);
    const card = body.items.find((l) => l.key === 'x#501');
    expect(card?.scoringPost).toMatchObject({ postId: '9501', highlights: ['alternative to', 'HubSpot'] });
    expect(card?.why).toContain('VP: executive title +20');
    expect(card?.score).toBe(45);
  });

  it('skips a drafted task once: nothing queued, a second skip is refused', async () => {
    const first = await call('POST', `/api/tasks/x/501/${task.id}/skip`, {});
    const second = await call('POST', `/api/tasks/x/501/${task.id}/skip`, {});
    const stored = await stores.tasks.getTask('x#501', task.id);

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(stored).toMatchObject({ status: 'skipped', result: 'skipped by mia' });
  });

  it("tells a lead's story oldest first, with the decision's who and why, and what is not stored", async () => {
    const decided = await call('POST', '/api/leads/x/501/decision', {
      to: 'nurture',
      reason: 'no project yet',
    });
    const res = await call('GET', '/api/leads/x/501/timeline');
    const t = (await res.json()) as {
      entries: { kind: string; title: string; who?: string }[];
      notStored: string[];
      modelVersion?: string;
    };
    const missing = await call('GET', '/api/leads/x/999/timeline');

    expect(decided.status).toBe(200);
    expect(res.status).toBe(200);
    expect(t.entries.filter((e) => e.kind === 'post')).toHaveLength(2);
    expect(t.entries.find((e) => e.kind === 'decision')).toMatchObject({
      title: 'review → nurture (score 45): no project yet',
      who: 'marketer mia',
    });
    expect(t.entries.some((e) => e.kind === 'task' && e.title === 'reply skipped')).toBe(true);
    expect(t.modelVersion).toBe('m-7');
    expect(t.notStored.join(' ')).toContain('CRM exports');
    expect(missing.status).toBe(404);
  });
});
