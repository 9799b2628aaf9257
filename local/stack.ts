import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from 'fauxqs';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { loadFeed } from './fake-x/feed.ts';
import { type FakeXOptions, type FakeXServer, startFakeXServer } from './fake-x/server.ts';

export const SAMPLE_FEED = join(import.meta.dirname, '..', 'data', 'sample-feed', 'feed.json');

export interface LocalStack {
  dynamoEndpoint: string;
  /**
   * Whether DynamoDB Local refuses connections from other machines (it has no bind option, so a
   * JVM policy drops them; Java 24+ has no security manager and cannot do this).
   */
  dynamoLoopbackOnly: boolean;
  sqsEndpoint: string;
  xBaseUrl?: string;
  /** The fake X server itself: its account counts the posts it accepted. */
  x?: FakeXServer;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  /** Persist DynamoDB here; in memory when absent. */
  dataDir?: string;
  /** Serve a feed from a fake X server; omit to start only DynamoDB and SQS. */
  /** `feedNow`: the moment the sample feed's clock is set against (kept per data dir, so ids stay stable). */
  x?: Omit<FakeXOptions, 'feed'> & { feedPath?: string; feedNow?: Date };
}

/**
 * fauxqs on loopback only. Its `startFauxqs` listens on 0.0.0.0 whatever `host` says (that option
 * only names the host in queue URLs), which would put queued messages about people on the
 * network; so we build its app and listen ourselves.
 */
export async function startSqsOnLoopback(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const app = buildApp({ logger: false, host: '127.0.0.1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

/**
 * Everything Prospector talks to, on loopback: DynamoDB Local (Java), fauxqs for SQS, and the
 * fake X API. Used by `npm start` and by the integration tests alike.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const [dynamo, sqs, x] = await Promise.all([
    startDynamoDbLocal({ dataDir: options.dataDir }),
    startSqsOnLoopback(),
    options.x
      ? startFakeXServer({
          ...options.x,
          feed: loadFeed(options.x.feedPath ?? SAMPLE_FEED, options.x.feedNow),
        })
      : undefined,
  ]);
  return {
    dynamoEndpoint: dynamo.endpoint,
    dynamoLoopbackOnly: dynamo.loopbackOnly,
    sqsEndpoint: sqs.endpoint,
    xBaseUrl: x?.url,
    x,
    stop: async () => {
      await Promise.all([dynamo.stop(), sqs.stop(), x?.stop()]);
    },
  };
}
