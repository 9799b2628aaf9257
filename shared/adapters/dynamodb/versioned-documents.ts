import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentPublishError } from '../../ports/definition-store.ts';
import { isConditionFailure, queryAll, type Table } from './table.ts';

const versionKey = (pk: string, version: number) => ({ pk, sk: `V#${String(version).padStart(6, '0')}` });

/**
 * Documents both sides own (the MQL definition, the feedback codes): immutable versions and a
 * CURRENT pointer moved in the same transaction, conditional on the version the author edited,
 * so two people publishing at once cannot silently overwrite each other.
 */
export class VersionedDocuments {
  constructor(
    private readonly table: Table,
    private readonly pk: string,
    private readonly attribute: string,
  ) {}

  async current(): Promise<unknown | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
        Key: { pk: this.pk, sk: 'CURRENT' },
        ConsistentRead: true,
      }),
    );
    return Item ? this.get(Number(Item.version)) : undefined;
  }

  async get(version: number): Promise<unknown | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: versionKey(this.pk, version), ConsistentRead: true }),
    );
    return Item?.[this.attribute];
  }

  /** Every version's item, oldest first, for the caller to parse (and skip a malformed one). */
  listItems(): Promise<Record<string, unknown>[]> {
    return queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': this.pk, ':v': 'V#' },
    });
  }

  async list(): Promise<unknown[]> {
    return (await this.listItems()).map((i) => i[this.attribute]);
  }

  /** Stores `document` as version basedOn + 1; ConcurrentPublishError if someone published since. */
  async publish(document: { version: number }, basedOn: number | undefined): Promise<void> {
    const pointerCondition =
      basedOn === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :based', ExpressionAttributeValues: { ':based': basedOn } };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.name,
                Item: { ...versionKey(this.pk, document.version), [this.attribute]: document },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.table.name,
                Key: { pk: this.pk, sk: 'CURRENT' },
                UpdateExpression: 'SET version = :v',
                ...pointerCondition,
                ExpressionAttributeValues: {
                  ':v': document.version,
                  ...(pointerCondition.ExpressionAttributeValues ?? {}),
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentPublishError(basedOn);
      throw error;
    }
  }
}
