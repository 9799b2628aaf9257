import { describe } from 'vitest';
import { buildBskyFixture } from '../../../local/fake-sources/bluesky-fixture.ts';
import { startFakeBlueskyServer } from '../../../local/fake-sources/bluesky-server.ts';
import { BlueskySocialSource } from '../../../shared/adapters/bluesky/bluesky-source.ts';
import { sourceContract } from './contract.ts';

const fixture = buildBskyFixture({ posts: 250, authors: 40, futurePost: true });

describe('discovering Bluesky posts from the app.bsky.feed.searchPosts wire format', () => {
  sourceContract({
    source: 'bluesky',
    ids: fixture.posts.map((p) => p.uri).sort(),
    async start(faultFor, now) {
      const server = await startFakeBlueskyServer({
        fixture,
        faultFor,
        token: 'access-jwt',
        shortPages: true,
      });
      return { server, adapter: new BlueskySocialSource({ baseUrl: server.url, token: 'access-jwt', now }) };
    },
    rejectedField: /^posts\[1\]\.record\.createdAt: /,
    envelopeField: 'posts',
    // A resume re-reads the boundary millisecond; the fixture puts two posts in each.
    boundaryRereads: 2,
  });
});
