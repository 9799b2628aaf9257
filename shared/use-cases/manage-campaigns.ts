import { type Campaign, CampaignSchema, type Cursor } from '../domain/campaign.ts';
import type { Source } from '../domain/post.ts';
import {
  buildXQuery,
  InvalidQueryError,
  MAX_QUERY_LENGTH,
  type QueryInput,
  validateXQuery,
} from '../domain/x-query.ts';
import type { BudgetStore } from '../ports/budget-store.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { RecordedRun, RunStore } from '../ports/run-store.ts';

export interface CampaignAdminDeps {
  campaigns: CampaignStore;
  runs: RunStore;
  budgets: Pick<BudgetStore, 'used'>;
  clock: Clock;
}

/** What the campaigns page shows of one run: its size and why it stopped, not the rejected records. */
export type RunSummary = Pick<
  RecordedRun,
  | 'startedAt'
  | 'finishedAt'
  | 'pages'
  | 'postsRead'
  | 'postsNew'
  | 'postsDuplicate'
  | 'postsRejected'
  | 'complete'
  | 'stoppedBy'
  | 'resumesAt'
>;

export interface CampaignOverview {
  campaign: Campaign;
  lastRunAt?: string;
  /** The source asked it to wait until then (rate limit or usage cap). */
  waitingUntil?: string;
  /** Posts read this calendar month (UTC), against `campaign.monthlyPostBudget` if it has one. */
  budgetUsed: number;
  lastRuns: RunSummary[];
}

/** Runs shown per campaign: discovery keeps every run for 90 days; the page needs the latest few. */
export const RUNS_SHOWN = 5;

export class CampaignNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no campaign ${id}`);
    this.name = 'CampaignNotFoundError';
  }
}

export class CampaignExistsError extends Error {
  constructor(readonly id: string) {
    super(`id: a campaign ${id} exists already; edit it instead`);
    this.name = 'CampaignExistsError';
  }
}

/** Field by field, what to fix, in the validator's own words. */
export class InvalidCampaignError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'InvalidCampaignError';
  }
}

/**
 * Every campaign with what operations need to judge it: state, budget used this month and the
 * last runs discovery recorded (pages, posts read and new, why it stopped).
 */
export async function listCampaignOverviews(deps: CampaignAdminDeps): Promise<CampaignOverview[]> {
  const month = deps.clock.now().toISOString().slice(0, 7);
  const campaigns = await deps.campaigns.listCampaigns();
  return Promise.all(
    campaigns.map(async (campaign) => {
      const scope = `campaign#${campaign.id}`;
      const [cursor, used, runs] = await Promise.all([
        deps.campaigns.getCursor(campaign.id),
        deps.budgets.used([scope], month),
        deps.runs.listRuns(campaign.id, RUNS_SHOWN),
      ]);
      return {
        campaign,
        ...waiting(cursor, deps.clock.now()),
        budgetUsed: used[scope] ?? 0,
        lastRuns: runs.map(summarise),
      };
    }),
  );
}

function waiting(cursor: Cursor, now: Date): Pick<CampaignOverview, 'lastRunAt' | 'waitingUntil'> {
  return {
    ...(cursor.lastRunAt ? { lastRunAt: cursor.lastRunAt } : {}),
    ...(cursor.rateLimitedUntil && Date.parse(cursor.rateLimitedUntil) > now.getTime()
      ? { waitingUntil: cursor.rateLimitedUntil }
      : {}),
  };
}

function summarise(r: RecordedRun): RunSummary {
  return {
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    pages: r.pages,
    postsRead: r.postsRead,
    postsNew: r.postsNew,
    postsDuplicate: r.postsDuplicate,
    postsRejected: r.postsRejected,
    complete: r.complete,
    ...(r.stoppedBy ? { stoppedBy: r.stoppedBy } : {}),
    ...(r.resumesAt ? { resumesAt: r.resumesAt } : {}),
  };
}

/** A query as the page sends it: written by hand, or filled into the builder's fields (X only). */
export type QueryDraft = { source: Source; query: string } | { source: 'x'; builder: QueryInput };

export interface QueryCheck {
  /** The query that would be saved (the builder's output), when one could be made. */
  query?: string;
  problems: string[];
}

/**
 * Checks a query without saving anything, so the page can show the validator's messages while
 * someone types. X queries get X's rules; other sources' queries only their length.
 */
export function checkCampaignQuery(draft: QueryDraft): QueryCheck {
  try {
    if ('builder' in draft) return { query: buildXQuery(draft.builder), problems: [] };
    if (draft.source === 'x') validateXQuery(draft.query);
    else if (draft.query.trim().length === 0) return { query: draft.query, problems: ['the query is empty'] };
    else if (draft.query.length > MAX_QUERY_LENGTH)
      return { query: draft.query, problems: [`shorten it to ${MAX_QUERY_LENGTH} characters`] };
    return { query: draft.query, problems: [] };
  } catch (error) {
    if (error instanceof InvalidQueryError)
      return { ...('query' in draft ? { query: draft.query } : {}), problems: error.problems };
    // The builder's own fields failed their schema (a handle with @, say).
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (issues) return { problems: issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`) };
    throw error;
  }
}

export interface CampaignInput {
  id: string;
  name: string;
  product: string;
  owner?: string;
  query: QueryDraft;
  cadenceMinutes: number;
  monthlyPostBudget?: number;
  replyTemplate?: string;
  contentLink?: string;
}

/**
 * Adds a campaign (`create`) or changes one (`update`, which keeps its state and its discovery
 * cursor, so editing never makes it read old posts again). The query goes through the same
 * validator the page shows live; nothing is written unless every field is valid.
 */
export async function saveCampaign(
  deps: Pick<CampaignAdminDeps, 'campaigns'>,
  input: CampaignInput,
  mode: 'create' | 'update',
  actor: string,
): Promise<Campaign> {
  const check = checkCampaignQuery(input.query);
  if (check.problems.length > 0 || check.query === undefined)
    throw new InvalidCampaignError(check.problems.map((message) => ({ field: 'query', message })));
  const existing = await deps.campaigns.getCampaign(input.id);
  if (mode === 'create' && existing) throw new CampaignExistsError(input.id);
  if (mode === 'update' && !existing) throw new CampaignNotFoundError(input.id);
  const parsed = CampaignSchema.safeParse({
    id: input.id,
    source: input.query.source,
    name: input.name,
    product: input.product,
    query: check.query,
    cadenceMinutes: input.cadenceMinutes,
    active: existing?.active ?? true,
    owner: input.owner ?? existing?.owner ?? actor,
    ...(input.monthlyPostBudget !== undefined ? { monthlyPostBudget: input.monthlyPostBudget } : {}),
    ...(input.replyTemplate !== undefined ? { replyTemplate: input.replyTemplate } : {}),
    ...(input.contentLink !== undefined ? { contentLink: input.contentLink } : {}),
  });
  if (!parsed.success)
    throw new InvalidCampaignError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
    );
  // The read above gives the clear error; the conditional write settles a race between two people.
  const written = await deps.campaigns.putCampaign(parsed.data, mode === 'create' ? 'new' : 'existing');
  if (!written)
    throw mode === 'create' ? new CampaignExistsError(input.id) : new CampaignNotFoundError(input.id);
  return parsed.data;
}

/** Pauses or resumes discovery for a campaign; its cursor is kept, so it resumes where it stopped. */
export async function setCampaignActive(
  deps: Pick<CampaignAdminDeps, 'campaigns'>,
  id: string,
  active: boolean,
): Promise<Campaign> {
  const campaign = await deps.campaigns.getCampaign(id);
  if (!campaign) throw new CampaignNotFoundError(id);
  const changed = { ...campaign, active };
  if (!(await deps.campaigns.putCampaign(changed, 'existing'))) throw new CampaignNotFoundError(id);
  return changed;
}
