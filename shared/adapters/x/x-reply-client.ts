import { ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import type { EngagementTask } from '../../domain/engagement-task.ts';
import {
  type EngagementClient,
  EngagementRateLimitedError,
  EngagementRefusedError,
} from '../../ports/engagement-client.ts';
import type { AccessTokens } from '../../ports/x-account.ts';
import { type XClientSettings, xClientSettings } from './x-oauth.ts';

/** X's 403 details for a post it will never take, and the reason we record for each. */
const REFUSALS: [RegExp, EngagementRefusedError['reason']][] = [
  [/duplicate content/i, 'duplicate-content'],
  [/deleted or not visible|not found|does not exist/i, 'post-gone'],
  [/reply to this conversation is not allowed|not allowed to reply/i, 'reply-not-allowed'],
  [/suspended/i, 'suspended'],
  [/blocked/i, 'blocked'],
  [/shorter|too long/i, 'invalid'],
];

/**
 * Live replies as the brand's account through twitter-api-v2 (`v2.reply`). X's answers become
 * our typed outcomes: a 429 is a wait until `x-rate-limit-reset`, a 403 naming a permanent reason
 * is a refusal, anything else (5xx, a dropped connection) is left unclear for reconciliation.
 */
export class XReplyClient implements EngagementClient {
  readonly mode = 'live' as const;

  constructor(
    private readonly tokens: AccessTokens,
    private readonly settings: Omit<XClientSettings, 'clientId'>,
  ) {}

  private async client(): Promise<TwitterApi> {
    return new TwitterApi(await this.tokens.accessToken(), xClientSettings(this.settings));
  }

  async execute(task: EngagementTask): Promise<{ postId: string; summary: string }> {
    if (task.kind !== 'reply' || !task.postId)
      throw new EngagementRefusedError(
        'invalid',
        `only replies to a post are sent live (task is a ${task.kind})`,
      );
    const client = await this.client();
    try {
      const { data } = await client.v2.reply(task.draft, task.postId);
      return { postId: data.id, summary: `replied to post ${task.postId} with post ${data.id}` };
    } catch (error) {
      throw translate(error);
    }
  }

  /** Looks through the account's own recent posts for a reply to the task's post. */
  async findReply(task: EngagementTask, since: Date): Promise<string | undefined> {
    if (!task.postId) return undefined;
    const client = await this.client();
    const userId = await this.tokens.userId();
    let token: string | undefined;
    try {
      for (let page = 0; page < 10; page++) {
        const r = await client.v2.get(`users/${userId}/tweets`, {
          max_results: '100',
          start_time: since.toISOString(),
          'tweet.fields': 'referenced_tweets,created_at',
          ...(token ? { pagination_token: token } : {}),
        });
        const posts = (r.data ?? []) as { id: string; referenced_tweets?: { type: string; id: string }[] }[];
        const ours = posts.find((p) =>
          p.referenced_tweets?.some((ref) => ref.type === 'replied_to' && ref.id === task.postId),
        );
        if (ours) return ours.id;
        token = (r.meta as { next_token?: string } | undefined)?.next_token;
        if (!token) return undefined;
      }
    } catch (error) {
      throw translate(error);
    }
    return undefined;
  }
}

function translate(error: unknown): unknown {
  if (error instanceof ApiResponseError) {
    if (error.code === 429) {
      const reset = error.rateLimit?.reset;
      return new EngagementRateLimitedError(new Date(reset ? reset * 1000 : Date.now() + 15 * 60_000));
    }
    const detail = String((error.data as { detail?: string }).detail ?? error.data.title ?? '');
    if (error.code === 403 || error.code === 400) {
      const hit = REFUSALS.find(([pattern]) => pattern.test(detail));
      if (hit) return new EngagementRefusedError(hit[1], detail);
    }
    return new Error(`X answered ${error.code}: ${detail}`, { cause: error });
  }
  if (error instanceof ApiRequestError) return new Error(`X unreachable: ${error.message}`, { cause: error });
  return error;
}
