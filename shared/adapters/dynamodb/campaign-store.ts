import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Campaign, CampaignSchema, type Cursor, CursorSchema } from '../../domain/campaign.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { Log } from '../../ports/log.ts';
import { parseEach, parseStored, stderrLog } from './stored-items.ts';
import { isConditionFailure, keys, queryAll, type Table } from './table.ts';

/** Campaigns live in one small partition; each item also carries its discovery cursor. */
export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly table: Table,
    /** Where the listing reports a malformed campaign it passes over (key and error name only). */
    private readonly log: Pick<Log, 'warn'> = stderrLog,
  ) {}

  async listCampaigns(): Promise<Campaign[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'CAMPAIGN' },
    });
    // One malformed campaign must not stop discovery of all the others.
    return parseEach(
      items,
      (i) => parseStored(CampaignSchema, i.campaign, `campaign ${String(i.sk)}`),
      'campaign',
      this.log,
    ).items;
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.campaign(id) }),
    );
    return Item ? CampaignSchema.parse(Item.campaign) : undefined;
  }

  async putCampaign(campaign: Campaign, only?: 'new' | 'existing'): Promise<boolean> {
    // Keeps the cursor: editing a campaign must not make discovery read old posts again.
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.campaign(campaign.id),
          UpdateExpression: 'SET campaign = :c',
          ExpressionAttributeValues: { ':c': CampaignSchema.parse(campaign) },
          ...(only
            ? {
                ConditionExpression:
                  only === 'new' ? 'attribute_not_exists(campaign)' : 'attribute_exists(campaign)',
              }
            : {}),
        }),
      );
      return true;
    } catch (error) {
      if (only && isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getCursor(campaignId: string): Promise<Cursor> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.campaign(campaignId), ConsistentRead: true }),
    );
    return CursorSchema.parse(Item?.cursor ?? {});
  }

  async saveCursor(campaignId: string, cursor: Cursor): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.campaign(campaignId),
        UpdateExpression: 'SET #cursor = :c',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':c': CursorSchema.parse(cursor) },
      }),
    );
  }
}
