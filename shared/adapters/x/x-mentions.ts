import { ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import * as z from 'zod';
import type { MentionsPage, MentionsSource } from '../../ports/mentions.ts';
import { RateLimitedError, SourceUnavailableError } from '../../ports/social-source.ts';
import type { AccessTokens } from '../../ports/x-account.ts';
import { type XClientSettings, xClientSettings } from './x-oauth.ts';

const Page = z.object({
  data: z
    .array(
      z.object({
        id: z.string().regex(/^\d{1,19}$/),
        text: z.string().max(25_000),
        author_id: z.string().regex(/^\d{1,19}$/),
        created_at: z.iso.datetime({ offset: true }),
        referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
      }),
    )
    .optional(),
  meta: z.object({ next_token: z.string().optional(), newest_id: z.string().optional() }).optional(),
});

/** `GET /2/users/:id/mentions` with the user's token; rate limits and outages become typed errors. */
export class XMentionsSource implements MentionsSource {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly settings: Omit<XClientSettings, 'clientId'>,
  ) {}

  async mentions(request: {
    userId: string;
    sinceId?: string;
    startTime?: string;
    paginationToken?: string;
    maxResults: number;
  }): Promise<MentionsPage> {
    const client = new TwitterApi(await this.tokens.accessToken(), xClientSettings(this.settings));
    try {
      const raw = await client.v2.get(`users/${request.userId}/mentions`, {
        max_results: String(request.maxResults),
        'tweet.fields': 'author_id,created_at,referenced_tweets',
        ...(request.sinceId
          ? { since_id: request.sinceId }
          : request.startTime
            ? { start_time: request.startTime }
            : {}),
        ...(request.paginationToken ? { pagination_token: request.paginationToken } : {}),
      });
      const page = Page.parse(raw);
      return {
        mentions: (page.data ?? []).map((t) => ({
          id: t.id,
          authorId: t.author_id,
          text: t.text,
          createdAt: t.created_at,
          inReplyTo: t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id,
        })),
        nextToken: page.meta?.next_token,
        newestId: page.meta?.newest_id,
      };
    } catch (error) {
      if (error instanceof ApiResponseError && error.code === 429) {
        const reset = error.rateLimit?.reset;
        throw new RateLimitedError(new Date(reset ? reset * 1000 : Date.now() + 15 * 60_000));
      }
      if (error instanceof ApiResponseError || error instanceof ApiRequestError)
        throw new SourceUnavailableError(`X mentions: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
