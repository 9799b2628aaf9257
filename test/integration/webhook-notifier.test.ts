import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookError, WebhookNotifier } from '../../shared/adapters/webhook/webhook-notifier.ts';
import type { MqlNotice } from '../../shared/domain/mql-notice.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const notice: MqlNotice = {
  key: 'x#1',
  source: 'x',
  name: 'Ana López',
  handle: 'ana',
  profileUrl: 'https://x.com/ana',
  score: 82,
  reasons: ['intent.shop +30', 'fit.exec +20'],
  by: 'scoring',
};

describe('announcing MQLs to a chat webhook over HTTP', () => {
  let hook: WebhookReceiver;
  const notifier = () => new WebhookNotifier({ url: hook.url, retryDelayMs: 10, timeoutMs: 300 });

  beforeAll(async () => {
    hook = await startWebhookReceiver();
  });
  beforeEach(() => {
    hook.received.length = 0;
    hook.answers.length = 0;
    hook.delayMs = 0;
  });
  afterAll(() => hook.stop());

  it('posts one message with readable text and the structured notices', async () => {
    await notifier().notifyMqls([notice, { ...notice, key: 'x#2', name: 'Bo', handle: 'bo', by: 'maria' }]);

    expect(hook.received).toEqual([
      {
        text: expect.stringContaining('2 new MQLs'),
        mqls: [notice, expect.objectContaining({ key: 'x#2', by: 'maria' })],
      },
    ]);
    const { text } = hook.received[0] as { text: string };
    expect(text).toContain(
      'Ana López (@ana on x): score 82; intent.shop +30, fit.exec +20 https://x.com/ana',
    );
    expect(text).toContain('moved by maria');
  });

  it('tries again after a 5xx or a 429, and stops at the first success', async () => {
    hook.answers.push(503, 429);

    await notifier().notifyMqls([notice]);

    expect(hook.received).toHaveLength(3);
  });

  it('gives up at once on a 4xx, and never puts the URL (a credential) in the error', async () => {
    hook.answers.push(404);

    const error = await notifier()
      .notifyMqls([notice])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WebhookError);
    expect((error as Error).message).toContain('HTTP 404');
    expect((error as Error).message).not.toContain('secret-token');
    expect(hook.received).toHaveLength(1);
  });

  it('times out a hanging webhook and reports it after the last attempt', async () => {
    hook.delayMs = 1_000;

    await expect(notifier().notifyMqls([notice])).rejects.toThrow(/TimeoutError/);
    expect(hook.received).toHaveLength(3);
  });

  it('sends nothing for an empty batch', async () => {
    await notifier().notifyMqls([]);

    expect(hook.received).toEqual([]);
  });
});
