import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ModelStore } from '../../ports/model-store.ts';

/** The prefix of the export bucket the model registry owns; grants are scoped to it. */
export const MODELS_PREFIX = 'models/';

const isPreconditionFailure = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412;
};

/** Model files as objects under `models/` in the export bucket (encrypted and versioned by the bucket). */
export class S3ModelStore implements ModelStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /**
   * Listed rather than fetched: with ListBucket granted on `models/*` only, S3 answers a GET for a
   * missing key with 403, and a listing under the prefix is the check the grant allows.
   */
  private async exists(key: string): Promise<boolean> {
    const page = await this.s3.send(
      new ListObjectsV2Command({ Bucket: this.bucket, Prefix: MODELS_PREFIX + key, MaxKeys: 1 }),
    );
    return (page.Contents ?? []).some((o) => o.Key === MODELS_PREFIX + key);
  }

  async create(key: string, body: string): Promise<boolean> {
    // Checked first (a local S3 may ignore If-None-Match); on AWS the conditional put closes the race.
    if (await this.exists(key)) return false;
    try {
      // S3 conditional write: refused with 412 when the object exists, so a version is never replaced.
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: MODELS_PREFIX + key,
          Body: body,
          ContentType: 'application/json',
          IfNoneMatch: '*',
        }),
      );
      return true;
    } catch (error) {
      if (isPreconditionFailure(error)) return false;
      throw error;
    }
  }

  async replace(key: string, body: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: MODELS_PREFIX + key,
        Body: body,
        ContentType: 'application/json',
      }),
    );
  }

  async read(key: string): Promise<string | undefined> {
    try {
      const object = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: MODELS_PREFIX + key }),
      );
      return await object.Body?.transformToString('utf-8');
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (error instanceof NoSuchKey || name === 'NoSuchKey') return undefined;
      if (name === 'AccessDenied' && !(await this.exists(key))) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: MODELS_PREFIX + prefix,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(MODELS_PREFIX.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }
}
