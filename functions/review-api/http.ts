import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import type { ExplainIntent } from '../../shared/adapters/intent/lazy-explainer.ts';
import { AUTHOR_ID_PATTERNS } from '../../shared/domain/author-id.ts';
import { SourceSchema } from '../../shared/domain/post.ts';
import { prospectKey } from '../../shared/domain/prospect.ts';
import type { IntentScorer } from '../../shared/domain/scoring.ts';
import type { BudgetStore } from '../../shared/ports/budget-store.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { DefinitionStore } from '../../shared/ports/definition-store.ts';
import type { DraftStore } from '../../shared/ports/draft-store.ts';
import type { ErasureStore } from '../../shared/ports/erasure-store.ts';
import type { FeedbackCodeStore } from '../../shared/ports/feedback-code-store.ts';
import type { FunnelStore } from '../../shared/ports/funnel-store.ts';
import type { LabelStore } from '../../shared/ports/label-store.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { Notifier } from '../../shared/ports/notifier.ts';
import type { RunStore } from '../../shared/ports/run-store.ts';
import type { TaskQueue } from '../../shared/ports/task-queue.ts';
import type { TaskStore } from '../../shared/ports/task-store.ts';
import type { TrainingLauncher } from '../../shared/ports/training-launcher.ts';
import type { TokenVault, XConnectionStore, XOAuth } from '../../shared/ports/x-account.ts';
import type { Identify } from './auth.ts';
import { type CursorSeal, MAX_CURSOR_CHARS } from './page-cursor.ts';

export interface ApiDeps {
  leads: LeadStore;
  /** Post-level feedback people give (buying / not buying), the intent model's training data. */
  labels: LabelStore;
  tasks: TaskStore;
  definitions: DefinitionStore;
  erasure: ErasureStore;
  campaigns: CampaignStore;
  /** Discovery's recorded runs and monthly read counters: what the campaigns page shows. */
  runs: RunStore;
  budgets: BudgetStore;
  /** Each editor's unpublished MQL definition. */
  drafts: DraftStore;
  codes: FeedbackCodeStore;
  funnel: FunnelStore;
  queue: TaskQueue;
  clock: Clock;
  log: Log;
  /** Tells sales when a reviewer moves a lead to MQL; absent, nothing is sent. */
  notifier?: Notifier;
  /** Who is calling and in which groups: JWT claims on AWS, a signed local token on a laptop. */
  identify: Identify;
  /** Where the review page signs people in (AWS); absent, it calls the API without a token. */
  signIn?: SignInSettings;
  /**
   * Signs page cursors (at least 32 bytes): the deployment's secret on AWS, random per run on a
   * laptop. Absent (tests), the app makes a random one, so its cursors work only with that app.
   */
  cursorKey?: string | Uint8Array;
  /** The brand's X account (connect, disconnect, status); absent when no X client is configured. */
  xAccount?: {
    connections: XConnectionStore;
    vault: TokenVault;
    oauth: XOAuth;
    /** The callback registered in the X app; default: this API's /api/x-account/callback. */
    redirectUri?: string;
  };
  /**
   * Loads the intent classifier for an impact preview (definitions with intent.model rules need
   * it). A function, so the API loads the model on the first preview, not at every cold start.
   */
  loadIntent?: () => Promise<IntentScorer>;
  /** Loads the intent model's explainer on the first card that earned model points (review cards mark its cues). */
  explainIntent?: () => Promise<ExplainIntent>;
  /** Starts the model trainer (the trainer function on AWS); absent, POST /api/models/train answers 503. */
  training?: TrainingLauncher;
  /** Approved replies wait a random 0..this many seconds in SQS before the worker sees them. */
  maxJitterSeconds?: number;
}

/** What routes get: the dependencies, and the seal for the cursors they hand out and take back. */
export type RouteDeps = ApiDeps & { cursors: CursorSeal };

/** A `cursor` query parameter: opaque, bounded; `cursors.open` checks it is ours. */
export const CursorParam = z.string().min(1).max(MAX_CURSOR_CHARS).optional();

/** The Cognito hosted UI's base URL and the public app client the page signs in with (PKCE). */
export interface SignInSettings {
  url: string;
  clientId: string;
}

/** Validates input with zod; a failure is a 400 that names each bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new HTTPException(400, {
      message: r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
    });
  }
  return r.data;
}

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: '(body): expected a JSON object' });
  }
}

/** `/{source}/{authorId}`: a known network, then an id shaped like that network's author ids. */
const leadParamShape = {
  source: z
    .enum(SourceSchema.options, { error: `expected one of ${SourceSchema.options.join(', ')}` })
    .describe('The network'),
  authorId: z.string().describe("The author's id on that network (X snowflake, Reddit t2_…, HN user, DID)"),
};
function checkAuthorId(value: unknown, ctx: z.RefinementCtx) {
  const p = value as { source: z.infer<typeof SourceSchema>; authorId: string };
  if (!AUTHOR_ID_PATTERNS[p.source].test(p.authorId))
    ctx.addIssue({ code: 'custom', path: ['authorId'], message: `not a ${p.source} author id` });
}

/**
 * The prospect a route's path names (400 naming the field otherwise, before anything reaches
 * DynamoDB). Add path fields with `extra`; a refined object cannot be extended afterwards.
 */
export function leadParams<E extends z.ZodRawShape = Record<never, never>>(extra?: E) {
  return z
    .object({ ...leadParamShape, ...(extra ?? ({} as E)) })
    .superRefine((p, ctx) => checkAuthorId(p, ctx));
}
export const LeadParams = leadParams();

/** The store key of the prospect `LeadParams` named. */
export const leadKey = (p: { source: string; authorId: string }) => prospectKey(p);

/**
 * The prospect a `/:source/:authorId` route names: a known network and an id shaped like that
 * network's author ids (400 otherwise, before anything reaches DynamoDB).
 */
export function routeKey(c: Context): string {
  const source = SourceSchema.safeParse(c.req.param('source'));
  if (!source.success)
    throw new HTTPException(400, { message: `source: expected one of ${SourceSchema.options.join(', ')}` });
  const authorId = c.req.param('authorId') ?? '';
  if (!AUTHOR_ID_PATTERNS[source.data].test(authorId))
    throw new HTTPException(400, { message: `authorId: not a ${source.data} author id` });
  return prospectKey({ source: source.data, authorId });
}
