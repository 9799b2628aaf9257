import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FakeServer, Fault } from '../../../local/fake-sources/http-kit.ts';
import type { Campaign } from '../../../shared/domain/campaign.ts';
import type { Source } from '../../../shared/domain/post.ts';
import { silentLog } from '../../../shared/ports/log.ts';
import { noMetrics } from '../../../shared/ports/metrics.ts';
import type { SocialSource } from '../../../shared/ports/social-source.ts';
import { discoverPosts } from '../../../shared/use-cases/discover-posts.ts';
import { walkOptions } from '../../support/discovery.ts';
import { freshStores } from '../../support/local-resources.ts';
import { storedPostIds } from '../../support/stored.ts';

export interface SourceUnderTest {
  source: Exclude<Source, 'x'>;
  /** Every post id in the fixture, sorted. */
  ids: string[];
  /** Starts the fake server and an adapter pointed at it, whose clock is `now`. */
  start(
    faultFor: ((n: number) => Fault | undefined) | undefined,
    now: () => Date,
  ): Promise<{ server: FakeServer; adapter: SocialSource }>;
  /** How the rejected record of a `malformed-record` fault is named. */
  rejectedField: RegExp;
  /** The envelope field a `malformed-envelope` fault breaks. */
  envelopeField: string;
  /** Posts a resumed walk may read again at its boundary (the store keeps them once). */
  boundaryRereads: number;
}

const options = walkOptions;

/** The discovery contract every source must keep, run against its fake server and DynamoDB Local. */
export function sourceContract(spec: SourceUnderTest) {
  const campaign: Campaign = {
    id: `${spec.source}-crm`,
    source: spec.source,
    name: `CRM on ${spec.source}`,
    product: 'Pipeline CRM',
    query: 'crm',
    cadenceMinutes: 15,
    active: true,
    owner: 'test@example.com',
  };
  let server: FakeServer | undefined;
  let stores: Awaited<ReturnType<typeof freshStores>>;
  let now = new Date();
  const clock = { now: () => now };

  async function start(faultFor?: (n: number) => Fault | undefined) {
    const started = await spec.start(faultFor, clock.now);
    server = started.server;
    return {
      ...stores,
      sources: { [spec.source]: started.adapter },
      clock,
      log: silentLog,
      metrics: noMetrics,
    };
  }
  const stored = () => storedPostIds(stores.table);

  beforeEach(async () => {
    now = new Date();
    stores = await freshStores();
    await stores.campaigns.putCampaign(campaign);
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('pages through the window storing each post once, and the next cycle stores nothing new', async () => {
    const deps = await start();

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ postsNew: spec.ids.length, postsRejected: 0, complete: true });
    expect(first.runs[0]?.pages).toBeGreaterThanOrEqual(3);
    expect(await stored()).toEqual(spec.ids);
    expect(second.runs[0]).toMatchObject({ postsNew: 0, complete: true });
    expect(await stored()).toEqual(spec.ids);
  });

  it('stops on a 429 mid-cycle, waits out the reset, and resumes to exactly the fixture', async () => {
    const deps = await start((n) => (n === 2 ? 'rate-limit' : undefined));

    const first = await discoverPosts(deps, options);
    const blocked = await discoverPosts(deps, options);
    now = new Date(Date.now() + 61 * 60_000);
    const resumed = await discoverPosts(deps, options);
    const idle = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'rate-limit', complete: false });
    expect(first.runs[0]?.postsNew).toBeGreaterThan(0);
    expect(blocked.runs[0]).toMatchObject({ stoppedBy: 'rate-limit', pages: 0 });
    expect(resumed.runs[0]).toMatchObject({ complete: true });
    expect((first.runs[0]?.postsNew ?? 0) + (resumed.runs[0]?.postsNew ?? 0)).toBe(spec.ids.length);
    expect(resumed.runs[0]?.postsDuplicate).toBeLessThanOrEqual(spec.boundaryRereads);
    expect(idle.runs[0]).toMatchObject({ postsNew: 0, complete: true });
    expect(await stored()).toEqual(spec.ids);
    const cursor = await stores.campaigns.getCursor(campaign.id);
    expect(Object.keys(cursor).sort()).toEqual(['lastRunAt', 'sinceId', 'source']);
  });

  it('rejects a malformed record naming its field and stores the rest of the cycle', async () => {
    const deps = await start((n) => (n === 2 ? 'malformed-record' : undefined));

    const run = (await discoverPosts(deps, options)).runs[0];

    expect(run).toMatchObject({ postsNew: spec.ids.length - 1, postsRejected: 1, complete: true });
    expect(run?.rejections[0]).toMatch(spec.rejectedField);
    expect((await stored()).length).toBe(spec.ids.length - 1);
  });

  it('stops on a malformed page naming the field, and the next cycle fills the gap', async () => {
    const deps = await start((n) => (n === 2 ? 'malformed-envelope' : undefined));

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'malformed-page', complete: false });
    expect(first.runs[0]?.error).toContain(`malformed page at ${spec.envelopeField}: `);
    expect(second.runs[0]).toMatchObject({ complete: true });
    expect(await stored()).toEqual(spec.ids);
  });

  it('stops on a server error, and the next cycle fills the gap', async () => {
    const deps = await start((n) => (n === 3 ? 'server-error' : undefined));

    const first = await discoverPosts(deps, options);
    const second = await discoverPosts(deps, options);

    expect(first.runs[0]).toMatchObject({ stoppedBy: 'source-unavailable', pages: 2, complete: false });
    expect(second.runs[0]).toMatchObject({ complete: true });
    expect(await stored()).toEqual(spec.ids);
  });
}
