import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { MqlDefinitionDraftSchema } from '../../domain/mql-definition.ts';
import type { DefinitionDraft, DraftStore } from '../../ports/draft-store.ts';
import { epochSeconds } from './stored-items.ts';
import type { Table } from './table.ts';

/** A draft nobody touched for this long is gone: it was an experiment, not a plan. */
const KEEP_DAYS = 90;

const DraftSchema = z.object({
  author: z.string().min(1).max(200),
  basedOn: z.number().int().nonnegative(),
  note: z.string().max(500),
  document: MqlDefinitionDraftSchema,
  savedAt: z.iso.datetime({ offset: true }),
});

const key = (author: string) => ({ pk: 'MQLDRAFT', sk: `AUTHOR#${author}` });

/** One item per author under `MQLDRAFT`, replaced on each save, expiring after 90 days. */
export class DynamoDraftStore implements DraftStore {
  constructor(private readonly table: Table) {}

  async getDraft(author: string): Promise<DefinitionDraft | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key(author), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    // TTL deletes lazily; an expired draft is not shown in the meantime.
    if (typeof Item.ttl === 'number' && Item.ttl <= epochSeconds(new Date())) return undefined;
    const parsed = DraftSchema.safeParse(Item.draft);
    return parsed.success ? parsed.data : undefined;
  }

  async saveDraft(draft: DefinitionDraft): Promise<void> {
    const stored = DraftSchema.parse(draft);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...key(stored.author),
          draft: stored,
          ttl: epochSeconds(new Date(stored.savedAt)) + KEEP_DAYS * 86_400,
        },
      }),
    );
  }

  async deleteDraft(author: string): Promise<void> {
    await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: key(author) }));
  }
}
