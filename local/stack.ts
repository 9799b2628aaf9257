import { join } from 'node:path';
import { startFauxqs } from 'fauxqs';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { loadFeed } from './fake-x/feed.ts';
import { type FakeXOptions, type FakeXServer, startFakeXServer } from './fake-x/server.ts';

export const SAMPLE_FEED = join(import.meta.dirname, '..', 'data', 'sample-feed', 'feed.json');

export interface LocalStack {
  dynamoEndpoint: string;
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
  x?: Omit<FakeXOptions, 'feed'> & { feedPath?: string };
}

/**
 * Everything Prospector talks to, on loopback: DynamoDB Local (Java), fauxqs for SQS, and the
 * fake X API. Used by `npm start` and by the integration tests alike.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const [dynamo, sqs, x] = await Promise.all([
    startDynamoDbLocal({ dataDir: options.dataDir }),
    startFauxqs({ port: 0, host: '127.0.0.1', logger: false }),
    options.x
      ? startFakeXServer({ ...options.x, feed: loadFeed(options.x.feedPath ?? SAMPLE_FEED) })
      : undefined,
  ]);
  return {
    dynamoEndpoint: dynamo.endpoint,
    sqsEndpoint: `http://127.0.0.1:${sqs.port}`,
    xBaseUrl: x?.url,
    x,
    stop: async () => {
      await Promise.all([dynamo.stop(), sqs.stop(), x?.stop()]);
    },
  };
}
