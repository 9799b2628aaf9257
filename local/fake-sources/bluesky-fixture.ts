/** A raw `app.bsky.feed.defs#postView` and `#profileViewDetailed` as the fake server serves them. */
export type BskyWirePost = Record<string, unknown> & {
  uri: string;
  author: Record<string, unknown> & { did: string; handle: string; displayName?: string };
  record: Record<string, unknown> & { text: string; createdAt: string };
  indexedAt: string;
};
export type BskyWireProfile = Record<string, unknown> & { did: string; handle: string };

export interface BskyFixture {
  posts: BskyWirePost[];
  profiles: BskyWireProfile[];
}

export interface BskyFixtureSpec {
  posts: number;
  authors: number;
  now?: Date;
  /** Newest post this long ago. */
  newestAgeMs?: number;
  /**
   * Add a post whose author's clock runs 3 days fast: its `createdAt` is in the future, and it
   * sorts (and is filtered by `since`/`until`) at its `indexedAt`, between the others.
   */
  futurePost?: boolean;
}

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/** A did:plc-shaped DID (24 base-32 characters) for author k. */
export function fixtureDid(k: number): string {
  let s = '';
  for (let v = k + 1; v > 0; v = Math.floor(v / 32)) s = B32[v % 32] + s;
  return `did:plc:${s.padStart(24, 'a')}`;
}

/** A TID record key (13 base32-sortable characters) for a time in µs and a clock id, as atproto makes them. */
export function tid(micros: bigint, clockId: number): string {
  let v = (micros << 10n) | BigInt(clockId & 1023);
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = SORTABLE[Number(v & 31n)] + s;
    v >>= 5n;
  }
  return s;
}

/**
 * A deterministic Bluesky fixture: two posts share each millisecond (so page boundaries split
 * them), some replies and quotes, every post matches `crm`, every fifth is a buying signal.
 */
export function buildBskyFixture(spec: BskyFixtureSpec): BskyFixture {
  const now = (spec.now ?? new Date()).getTime();
  const newest = now - (spec.newestAgeMs ?? 60_000);
  const profiles: BskyWireProfile[] = Array.from({ length: spec.authors }, (_, k) => ({
    did: fixtureDid(k),
    handle: `buyer${k}.bsky.social`,
    displayName: `Buyer ${k}`,
    description: k % 2 === 0 ? 'VP Sales at Example Co' : 'sales person',
    avatar: `https://cdn.bsky.app/img/avatar/plain/${fixtureDid(k)}/bafkrei${k}@jpeg`,
    followersCount: 500 + k,
    followsCount: 300,
    postsCount: 2000 + k,
    createdAt: '2023-05-01T00:00:00.000Z',
    indexedAt: '2023-05-01T00:00:05.000Z',
    labels: [],
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
    ...(k % 10 === 0
      ? { verification: { verifications: [], verifiedStatus: 'valid', trustedVerifierStatus: 'none' } }
      : {}),
  }));
  const uris: string[] = [];
  const posts = Array.from({ length: spec.posts }, (_, i): BskyWirePost => {
    const k = i % spec.authors;
    const profile = profiles[k] as BskyWireProfile;
    const ms = newest - Math.floor((spec.posts - 1 - i) / 2) * 60_000;
    const uri = `at://${profile.did}/app.bsky.feed.post/${tid(BigInt(ms) * 1000n, i)}`;
    uris.push(uri);
    const cid = `bafyreifixture${i}`;
    const signal = i % 5 === 0;
    const target = i > 0 ? { uri: uris[i - 1] as string, cid: `bafyreifixture${i - 1}` } : undefined;
    const record: BskyWirePost['record'] = {
      $type: 'app.bsky.feed.post',
      text: signal ? `we are evaluating a new crm, any recommendations? #${i}` : `crm thoughts number ${i}`,
      createdAt: new Date(ms).toISOString(),
      langs: ['en'],
      ...(i % 6 === 1 && target ? { reply: { root: target, parent: target } } : {}),
      ...(i % 6 === 2 && target ? { embed: { $type: 'app.bsky.embed.record', record: target } } : {}),
    };
    return {
      uri,
      cid,
      author: {
        did: profile.did,
        handle: profile.handle,
        displayName: profile.displayName as string,
        avatar: profile.avatar,
        labels: [],
        createdAt: profile.createdAt,
      },
      record,
      replyCount: i % 3,
      repostCount: 0,
      likeCount: i % 7,
      quoteCount: 0,
      indexedAt: new Date(ms + 1500).toISOString(),
      labels: [],
    };
  });
  if (spec.futurePost) {
    const base = posts[Math.floor(posts.length / 2)] as BskyWirePost;
    const indexed = Date.parse(base.indexedAt) + 10_000;
    const uri = `at://${base.author.did}/app.bsky.feed.post/${tid(BigInt(now + 3 * 86_400_000) * 1000n, 1000)}`;
    posts.push({
      ...base,
      uri,
      cid: 'bafyreifixturefuture',
      record: {
        ...base.record,
        text: 'crm from a phone whose clock is three days fast',
        createdAt: new Date(now + 3 * 86_400_000).toISOString(),
      },
      indexedAt: new Date(indexed).toISOString(),
    });
  }
  return { posts, profiles };
}
