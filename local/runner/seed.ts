import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { CampaignSchema } from '../../shared/domain/campaign.ts';
import { describeIssues, MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { DefinitionStore } from '../../shared/ports/definition-store.ts';

/** Adds the sample campaigns (existing ones and their cursors are kept) and publishes v1 once. */
export async function seedLocal(
  deps: { campaigns: CampaignStore; definitions: DefinitionStore },
  files: { campaigns: string; definition: string },
  now: Date,
): Promise<{ campaignsAdded: number; definitionVersion: number }> {
  const campaigns = z.array(CampaignSchema).parse(JSON.parse(await readFile(files.campaigns, 'utf8')));
  const existing = new Set((await deps.campaigns.listCampaigns()).map((c) => c.id));
  const missing = campaigns.filter((c) => !existing.has(c.id));
  for (const c of missing) await deps.campaigns.putCampaign(c);

  const current = await deps.definitions.currentDefinition();
  if (current) return { campaignsAdded: missing.length, definitionVersion: current.version };
  const draft = MqlDefinitionDraftSchema.safeParse(JSON.parse(await readFile(files.definition, 'utf8')));
  if (!draft.success) throw new Error(`${files.definition}: ${describeIssues(draft.error)}`);
  const published = await deps.definitions.publishDefinition(
    {
      draft: draft.data,
      author: 'prospector-seed',
      note: 'initial definition shipped with Prospector',
      basedOn: undefined,
    },
    now,
  );
  return { campaignsAdded: missing.length, definitionVersion: published.version };
}
