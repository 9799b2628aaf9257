import { createHash, randomBytes } from 'node:crypto';
import type { Feed, WireTweet } from './feed.ts';

/** What a test can make the next `POST /2/tweets` do, to rehearse X's refusals and a lost answer. */
export type PostFault =
  | 'rate-limit'
  | 'duplicate'
  | 'suspended'
  /** X stores the post, then the connection drops before the answer: the client cannot know. */
  | 'drop-after-accept';

/** A post X accepted from the brand's account, as the fake keeps it. */
export interface AcceptedPost {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_tweet_id?: string;
  in_reply_to_user_id?: string;
}

/**
 * The fake's user-context side: the brand's account, OAuth codes and tokens (refresh tokens are
 * single-use, as on X), the posts it accepted (a test counts them) and the mentions it serves.
 */
export class FakeXAccount {
  readonly user = { id: '1790000000000000001', username: 'prospector_brand', name: 'Prospector Brand' };
  readonly clientId: string;
  readonly posts: AcceptedPost[] = [];
  readonly mentions: WireTweet[] = [];
  /** Refresh grants answered with new tokens (a spent token answered `invalid_grant` is not counted). */
  refreshes = 0;
  readonly revoked: string[] = [];
  /** Posts X no longer has (deleted), and those whose author limits who may reply. */
  readonly deleted = new Set<string>();
  readonly repliesRestricted = new Set<string>();
  /** Authors who blocked the brand. */
  readonly blockedBy = new Set<string>();
  /** Faults for the next posts, in order (`undefined` lets one through). */
  readonly postFaults: (PostFault | undefined)[] = [];
  accessTokenTtlSeconds = 7200;
  private readonly codes = new Map<string, { challenge: string; redirectUri: string; scope: string }>();
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, 'live' | 'spent'>();
  private readonly tweets = new Map<string, WireTweet>();
  private nextId = 1_800_000_000_000_000_000n;

  constructor(feed: Feed, clientId = 'local-client-id') {
    this.clientId = clientId;
    for (const t of feed.tweets) this.tweets.set(t.id, t);
  }

  tweet(id: string): WireTweet | AcceptedPost | undefined {
    if (this.deleted.has(id)) return undefined;
    return (
      this.tweets.get(id) ?? this.posts.find((p) => p.id === id) ?? this.mentions.find((m) => m.id === id)
    );
  }

  newId(): string {
    this.nextId += 1n + BigInt(Math.floor(Math.random() * 1000));
    return String(this.nextId);
  }

  /** The user's consent on X's authorization page, granted at once (the local demo's "Authorize app"). */
  authorize(challenge: string, redirectUri: string, scope: string): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { challenge, redirectUri, scope });
    return code;
  }

  /** Spends an authorization code (once) after checking the PKCE verifier and the redirect URI. */
  redeemCode(code: string, verifier: string, redirectUri: string): boolean {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.redirectUri !== redirectUri) return false;
    return createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
  }

  /** Spends a refresh token; false when it was spent or revoked before (X's `invalid_grant`). */
  spendRefresh(token: string): boolean {
    if (this.refresh.get(token) !== 'live') return false;
    this.refresh.set(token, 'spent');
    this.refreshes++;
    return true;
  }

  issueTokens() {
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    this.access.set(accessToken, Date.now() + this.accessTokenTtlSeconds * 1000);
    this.refresh.set(refreshToken, 'live');
    return { accessToken, refreshToken, expiresIn: this.accessTokenTtlSeconds };
  }

  revoke(token: string) {
    this.revoked.push(token);
    this.access.delete(token);
    if (this.refresh.has(token)) this.refresh.set(token, 'spent');
  }

  /** True for a live user access token. */
  isUserToken(token: string): boolean {
    const until = this.access.get(token);
    return until !== undefined && until > Date.now();
  }

  /** A prospect's post mentioning the brand, replying to `inReplyTo` (one of our replies) if given. */
  addMention(input: { authorId: string; text: string; inReplyTo?: string }): WireTweet {
    const id = this.newId();
    const parent = input.inReplyTo ? this.tweet(input.inReplyTo) : undefined;
    const mention: WireTweet = {
      id,
      text: `@${this.user.username} ${input.text}`,
      author_id: input.authorId,
      created_at: new Date().toISOString(),
      conversation_id: String((parent as { conversation_id?: string } | undefined)?.conversation_id ?? id),
      ...(input.inReplyTo
        ? {
            referenced_tweets: [{ type: 'replied_to', id: input.inReplyTo }],
            in_reply_to_user_id: this.user.id,
          }
        : {}),
    };
    this.mentions.push(mention);
    return mention;
  }
}
