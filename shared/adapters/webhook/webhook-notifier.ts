import { setTimeout as sleep } from 'node:timers/promises';
import { type MqlNotice, noticeText } from '../../domain/mql-notice.ts';
import { type WonDigest, wonDigestText } from '../../domain/won-digest.ts';
import type { Notifier } from '../../ports/notifier.ts';

export class WebhookError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WebhookError';
  }
}

export interface WebhookOptions {
  url: string;
  timeoutMs?: number;
  /** Attempts in all; a 429, a 5xx or a network error is tried again after a growing pause. */
  attempts?: number;
  retryDelayMs?: number;
}

/**
 * For a request someone is waiting on (the review API, 10 s timeout): a slow webhook costs a
 * decision at most about 4.5 s, and never its answer.
 */
export const INTERACTIVE_DELIVERY = { timeoutMs: 2_000, attempts: 2, retryDelayMs: 300 } as const;

/**
 * Posts each batch of MQL notices as one JSON message, `{ text, mqls }`: chat webhooks (Slack,
 * Teams, Google Chat) show `text`; anything else can read the structured `mqls`. The URL is a
 * secret (it is the credential), so it never appears in errors or logs.
 */
export class WebhookNotifier implements Notifier {
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: WebhookOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.attempts = options.attempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 500;
  }

  async notifyMqls(notices: readonly MqlNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await this.post(JSON.stringify({ text: noticeText(notices), mqls: notices }), 'MQL notice');
  }

  async notifyWonDigest(digest: WonDigest): Promise<void> {
    if (digest.customers.length === 0) return;
    await this.post(JSON.stringify({ text: wonDigestText(digest), won: digest }), 'won digest');
  }

  private async post(body: string, what: string): Promise<void> {
    let problem = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await sleep(this.retryDelayMs * 2 ** (attempt - 2));
      try {
        const response = await fetch(this.options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return;
        problem = `HTTP ${response.status}`;
        if (response.status !== 429 && response.status < 500) break;
      } catch (error) {
        problem = (error as Error).name;
      }
    }
    throw new WebhookError(`webhook refused the ${what} (${problem})`);
  }
}
