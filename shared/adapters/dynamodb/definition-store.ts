import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type MqlDefinition, MqlDefinitionSchema } from '../../domain/mql-definition.ts';
import type {
  DecaySweep,
  DefinitionStore,
  PublishRequest,
  RescoreJob,
} from '../../ports/definition-store.ts';
import { parseEach, parseStored, stderrLog } from './stored-items.ts';
import type { Table } from './table.ts';
import { VersionedDocuments } from './versioned-documents.ts';

const JOB_KEY = { pk: 'MQLDEF', sk: 'RESCORE' };
const DECAY_KEY = { pk: 'MQLDEF', sk: 'DECAY' };

const DecaySweepSchema = z.object({
  stateIndex: z.number().int().nonnegative(),
  cursor: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  checked: z.number().int().nonnegative(),
});

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

  async getDecaySweep(): Promise<DecaySweep | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: DECAY_KEY, ConsistentRead: true }),
    );
    // A malformed sweep record only restarts the sweep: nothing is lost by that.
    const parsed = DecaySweepSchema.safeParse(Item?.sweep);
    return parsed.success ? parsed.data : undefined;
  }

  async saveDecaySweep(sweep: DecaySweep): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...DECAY_KEY, sweep: DecaySweepSchema.parse(sweep) },
      }),
    );
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
    return parseEach(
      await this.versions.listItems(),
      (i) => parseStored(MqlDefinitionSchema, i.definition, `definition ${String(i.sk)}`),
      'definition',
      stderrLog,
    ).items;
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
