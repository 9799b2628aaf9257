import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type MqlDefinition, MqlDefinitionSchema } from '../../domain/mql-definition.ts';
import type { DefinitionStore, PublishRequest, RescoreJob } from '../../ports/definition-store.ts';
import type { Table } from './table.ts';
import { VersionedDocuments } from './versioned-documents.ts';

const JOB_KEY = { pk: 'MQLDEF', sk: 'RESCORE' };

const RescoreJobSchema = z.object({
  version: z.number().int().positive(),
  stateIndex: z.number().int().nonnegative(),
  cursor: z.string().optional(),
  rescored: z.number().int().nonnegative(),
  startedAt: z.string(),
});

/**
 * Versions are immutable items; a CURRENT pointer moves in the same transaction, conditional on
 * the version the author edited, so two people publishing at once cannot silently overwrite.
 */
export class DynamoDefinitionStore implements DefinitionStore {
  private readonly versions: VersionedDocuments;

  constructor(private readonly table: Table) {
    this.versions = new VersionedDocuments(table, 'MQLDEF', 'definition');
  }

  async getRescoreJob(): Promise<RescoreJob | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: JOB_KEY, ConsistentRead: true }),
    );
    return Item ? RescoreJobSchema.parse(Item.job) : undefined;
  }

  async saveRescoreJob(job: RescoreJob | undefined): Promise<void> {
    if (job) {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...JOB_KEY, job: RescoreJobSchema.parse(job) },
        }),
      );
    } else {
      await this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: JOB_KEY }));
    }
  }

  async currentDefinition(): Promise<MqlDefinition | undefined> {
    const item = await this.versions.current();
    return item === undefined ? undefined : MqlDefinitionSchema.parse(item);
  }

  async getDefinition(version: number): Promise<MqlDefinition | undefined> {
    const item = await this.versions.get(version);
    return item === undefined ? undefined : MqlDefinitionSchema.parse(item);
  }

  async listDefinitions(): Promise<MqlDefinition[]> {
    return (await this.versions.list()).map((i) => MqlDefinitionSchema.parse(i));
  }

  async publishDefinition(request: PublishRequest, now: Date): Promise<MqlDefinition> {
    const definition = MqlDefinitionSchema.parse({
      ...request.draft,
      version: (request.basedOn ?? 0) + 1,
      author: request.author,
      note: request.note,
      publishedAt: now.toISOString(),
    });
    await this.versions.publish(definition, request.basedOn);
    return definition;
  }
}
