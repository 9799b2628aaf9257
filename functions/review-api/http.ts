import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as z from 'zod';
import { prospectKey } from '../../shared/domain/prospect.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { DefinitionStore } from '../../shared/ports/definition-store.ts';
import type { ErasureStore } from '../../shared/ports/erasure-store.ts';
import type { FeedbackCodeStore } from '../../shared/ports/feedback-code-store.ts';
import type { FunnelStore } from '../../shared/ports/funnel-store.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { Notifier } from '../../shared/ports/notifier.ts';
import type { TaskQueue } from '../../shared/ports/task-queue.ts';
import type { TaskStore } from '../../shared/ports/task-store.ts';
import type { Identify } from './auth.ts';

export interface ApiDeps {
  leads: LeadStore;
  tasks: TaskStore;
  definitions: DefinitionStore;
  erasure: ErasureStore;
  campaigns: CampaignStore;
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
}

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

/** The prospect a `/:source/:authorId` route names. */
export function routeKey(c: Context): string {
  return prospectKey({ source: c.req.param('source') ?? '', authorId: c.req.param('authorId') ?? '' });
}
