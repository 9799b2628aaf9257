import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ExportFiles } from '../../ports/export-files.ts';

/** Export files as objects in one bucket (encryption, versioning and expiry are the bucket's). */
export class S3ExportFiles implements ExportFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async write(name: string, body: string, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: name, Body: body, ContentType: contentType }),
    );
  }

  async read(name: string): Promise<string | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: name }));
      return await object.Body?.transformToString('utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}

/** A local S3 (fauxqs) needs path-style URLs: `<bucket>.127.0.0.1` does not resolve. */
export function openS3(config: { region: string; endpoint?: string }): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
}
