import '@hono/zod-openapi';
import * as z from 'zod';

/**
 * What the campaign routes answer, for the document: the use cases return these shapes. Kept
 * apart from the routes so the route file stays about routing.
 */
const Iso = z.string().max(40).describe('ISO 8601 date-time');

export const CampaignResponseSchema = z
  .object({
    id: z.string().max(63),
    source: z.string().max(20),
    name: z.string().max(100),
    product: z.string().max(100),
    query: z.string().max(512),
    cadenceMinutes: z.number().int(),
    active: z.boolean(),
    owner: z.string().max(200),
    replyTemplate: z.string().max(280).optional(),
    contentLink: z.string().max(500).optional(),
    monthlyPostBudget: z.number().int().optional(),
  })
  .openapi('Campaign');

export const RunSummarySchema = z
  .object({
    startedAt: Iso,
    finishedAt: Iso,
    pages: z.number().int(),
    postsRead: z.number().int(),
    postsNew: z.number().int(),
    postsDuplicate: z.number().int(),
    postsRejected: z.number().int(),
    complete: z.boolean().describe('It read everything new; otherwise see stoppedBy'),
    stoppedBy: z.string().max(40).optional().describe('Why it stopped early: rate-limit, post-budget, ...'),
    resumesAt: Iso.optional(),
  })
  .openapi('CampaignRun');

export const CampaignOverviewSchema = z
  .object({
    campaign: CampaignResponseSchema,
    lastRunAt: Iso.optional(),
    waitingUntil: Iso.optional().describe('The source asked it to wait until then'),
    budgetUsed: z.number().int().describe('Posts read this calendar month (UTC)'),
    lastRuns: z.array(RunSummarySchema).max(20),
  })
  .openapi('CampaignOverview');

export const QueryCheckSchema = z
  .object({
    query: z.string().max(1_000).optional().describe('The query that would be saved'),
    problems: z.array(z.string().max(500)).describe('What to fix, one sentence each; empty when valid'),
  })
  .openapi('QueryCheck');
