import { describe } from 'vitest';
import { buildRedditFixture } from '../../../local/fake-sources/reddit-fixture.ts';
import { startFakeRedditServer } from '../../../local/fake-sources/reddit-server.ts';
import { RedditSocialSource } from '../../../shared/adapters/reddit/reddit-source.ts';
import { sourceContract } from './contract.ts';

const fixture = buildRedditFixture({ posts: 250, authors: 40 });

describe('discovering Reddit posts from the Reddit Listing wire format', () => {
  sourceContract({
    source: 'reddit',
    ids: fixture.links.map((l) => l.id).sort(),
    async start(faultFor, now) {
      const server = await startFakeRedditServer({ fixture, faultFor, token: 'app-token' });
      return { server, adapter: new RedditSocialSource({ baseUrl: server.url, token: 'app-token', now }) };
    },
    rejectedField: /^data\.children\[1\]\.data\.created_utc: /,
    envelopeField: 'data.children',
    boundaryRereads: 0,
  });
});
