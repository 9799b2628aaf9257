import { type FeedbackCodes, FeedbackCodesSchema } from '../../domain/feedback-codes.ts';
import type { FeedbackCodeStore } from '../../ports/feedback-code-store.ts';
import type { Table } from './table.ts';
import { VersionedDocuments } from './versioned-documents.ts';

/** Reason and objection codes, versioned beside the MQL definition. */
export class DynamoFeedbackCodeStore implements FeedbackCodeStore {
  private readonly versions: VersionedDocuments;

  constructor(table: Table) {
    this.versions = new VersionedDocuments(table, 'CODES', 'codes');
  }

  async currentCodes(): Promise<FeedbackCodes | undefined> {
    const item = await this.versions.current();
    return item === undefined ? undefined : FeedbackCodesSchema.parse(item);
  }

  async listCodes(): Promise<FeedbackCodes[]> {
    return (await this.versions.list()).map((i) => FeedbackCodesSchema.parse(i));
  }

  async publishCodes(
    request: Parameters<FeedbackCodeStore['publishCodes']>[0],
    now: Date,
  ): Promise<FeedbackCodes> {
    const codes = FeedbackCodesSchema.parse({
      ...request.draft,
      version: (request.basedOn ?? 0) + 1,
      author: request.author,
      note: request.note,
      publishedAt: now.toISOString(),
    });
    await this.versions.publish(codes, request.basedOn);
    return codes;
  }
}
