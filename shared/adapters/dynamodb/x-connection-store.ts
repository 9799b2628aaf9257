import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type PendingAuthorization,
  PendingAuthorizationSchema,
  type XConnection,
  XConnectionSchema,
} from '../../domain/x-connection.ts';
import type { XConnectionStore } from '../../ports/x-account.ts';
import { isConditionFailure, type Table } from './table.ts';

const CONNECTION = { pk: 'XACCOUNT', sk: 'CONNECTION' };
const pendingKey = (state: string) => ({ pk: 'XACCOUNT', sk: `PENDING#${state}` });

/**
 * The brand's X connection in one item. The refresh lease (`leaseOwner`, `leaseUntil`) and the
 * `version` are top-level attributes so every refresh is one conditional write.
 */
export class DynamoXConnectionStore implements XConnectionStore {
  constructor(private readonly table: Table) {}

  async get(): Promise<XConnection | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: CONNECTION, ConsistentRead: true }),
    );
    return Item
      ? XConnectionSchema.parse(
          Item.connection && { ...Item.connection, version: Item.version, status: Item.status },
        )
      : undefined;
  }

  async put(connection: XConnection): Promise<void> {
    const parsed = XConnectionSchema.parse(connection);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...CONNECTION, connection: parsed, version: parsed.version, status: parsed.status },
      }),
    );
  }

  async takeRefreshLease(version: number, owner: string, now: Date, until: Date): Promise<boolean> {
    return this.conditional({
      UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
      ConditionExpression:
        '#status = :connected AND version = :v AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':owner': owner,
        ':until': until.toISOString(),
        ':now': now.toISOString(),
        ':v': version,
        ':connected': 'connected',
      },
    });
  }

  async completeRefresh(version: number, owner: string, now: Date): Promise<boolean> {
    return this.conditional({
      UpdateExpression: 'SET version = :next, #c.changedAt = :now REMOVE leaseOwner, leaseUntil',
      ConditionExpression: 'version = :v AND leaseOwner = :owner',
      ExpressionAttributeNames: { '#c': 'connection' },
      ExpressionAttributeValues: {
        ':v': version,
        ':next': version + 1,
        ':owner': owner,
        ':now': now.toISOString(),
      },
    });
  }

  async markBroken(reason: string, now: Date): Promise<void> {
    await this.conditional({
      UpdateExpression:
        'SET #status = :broken, #c.reason = :reason, #c.changedAt = :now REMOVE leaseOwner, leaseUntil',
      ConditionExpression: '#status = :connected',
      ExpressionAttributeNames: { '#status': 'status', '#c': 'connection' },
      ExpressionAttributeValues: {
        ':broken': 'broken',
        ':connected': 'connected',
        ':reason': reason,
        ':now': now.toISOString(),
      },
    });
  }

  async putPending(pending: PendingAuthorization): Promise<void> {
    const parsed = PendingAuthorizationSchema.parse(pending);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: {
          ...pendingKey(parsed.state),
          pending: parsed,
          ttl: Math.ceil(Date.parse(parsed.expiresAt) / 1000),
        },
      }),
    );
  }

  async takePending(state: string): Promise<PendingAuthorization | undefined> {
    const { Attributes } = await this.table.doc.send(
      new DeleteCommand({ TableName: this.table.name, Key: pendingKey(state), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes ? PendingAuthorizationSchema.parse(Attributes.pending) : undefined;
  }

  async saveMentionsCursor(sinceId: string): Promise<void> {
    // Ids are up to 19 digits: compare by length, then lexically, so the cursor only moves forwards.
    const current = (await this.get())?.mentionsSinceId;
    if (
      current &&
      (current.length > sinceId.length || (current.length === sinceId.length && current >= sinceId))
    )
      return;
    await this.conditional({
      UpdateExpression: 'SET #c.mentionsSinceId = :id',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#c': 'connection' },
      ExpressionAttributeValues: { ':id': sinceId },
    });
  }

  private async conditional(input: {
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  }): Promise<boolean> {
    try {
      await this.table.doc.send(new UpdateCommand({ TableName: this.table.name, Key: CONNECTION, ...input }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
