import { describe } from 'vitest';
import { buildHnFixture } from '../../../local/fake-sources/hackernews-fixture.ts';
import { startFakeHackerNewsServer } from '../../../local/fake-sources/hackernews-server.ts';
import { HackerNewsSocialSource } from '../../../shared/adapters/hackernews/hackernews-source.ts';
import { sourceContract } from './contract.ts';

const fixture = buildHnFixture({ posts: 250, authors: 40 });

describe('discovering Hacker News posts from the HN Search (Algolia) wire format', () => {
  sourceContract({
    source: 'hackernews',
    ids: fixture.hits.map((h) => h.objectID).sort(),
    async start(faultFor, now) {
      const server = await startFakeHackerNewsServer({ fixture, faultFor });
      return { server, adapter: new HackerNewsSocialSource({ baseUrl: server.url, now }) };
    },
    rejectedField: /^hits\[1\]\.created_at: /,
    envelopeField: 'nbPages',
    boundaryRereads: 0,
  });
});
