import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as z from 'zod';
import { prospectKey } from '../../shared/domain/prospect.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { DefinitionStore } from '../../shared/ports/definition-store.ts';
import type { ErasureStore } from '../../shared/ports/erasure-store.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { Notifier } from '../../shared/ports/notifier.ts';
import type { TaskQueue } from '../../shared/ports/task-queue.ts';
import type { TaskStore } from '../../shared/ports/task-store.ts';
import type { TokenVault, XConnectionStore, XOAuth } from '../../shared/ports/x-account.ts';

export interface ApiDeps {
  leads: LeadStore;
  tasks: TaskStore;
  definitions: DefinitionStore;
  erasure: ErasureStore;
  queue: TaskQueue;
  clock: Clock;
  log: Log;
  /** Tells sales when a reviewer moves a lead to MQL; absent, nothing is sent. */
  notifier?: Notifier;
  /** Who is calling: the JWT subject on AWS, a local user name on a laptop. */
  userOf: (c: Context) => string;
  /** Where the review page signs people in (AWS); absent, it calls the API without a token. */
  signIn?: SignInSettings;
  /** The brand's X account (connect, disconnect, status); absent when no X client is configured. */
  xAccount?: {
    connections: XConnectionStore;
    vault: TokenVault;
    oauth: XOAuth;
    /** The callback registered in the X app; default: this API's /api/x-account/callback. */
    redirectUri?: string;
  };
  /** Approved replies wait a random 0..this many seconds in SQS before the worker sees them. */
  maxJitterSeconds?: number;
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
