import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import {
  AuthorizationStateError,
  type ConnectDeps,
  completeXConnect,
  disconnectX,
  startXConnect,
  xConnectionStatus,
} from '../../../shared/use-cases/connect-x-account.ts';
import { ANY_ROLE, identityOf } from '../auth.ts';
import type { ApiDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { looseObject } from '../schemas.ts';

/**
 * X's redirect: `state` and `code` when the admin authorized, `error` when they refused. One object
 * (so the document lists each field); the refinement asks for a whole pair.
 */
const Callback = z
  .object({
    state: z.string().max(200).optional().describe('The single-use state our connect created'),
    code: z.string().min(1).max(2000).optional().describe("X's authorization code"),
    error: z.string().min(1).max(200).optional().describe('Set when the admin refused'),
  })
  .superRefine((q, ctx) => {
    const authorized = q.code !== undefined && (q.state?.length ?? 0) >= 16;
    if (!authorized && q.error === undefined)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'expected state and code, or error' });
  });

/** Where the connect flow lands: the review page, told how it went (no token ever in a URL of ours). */
const back = (c: Context, outcome: string) => c.redirect(`/?x-account=${encodeURIComponent(outcome)}`, 302);

/**
 * The brand's X account: its status for everyone signed in; connect and disconnect for admins.
 * The callback is the one route X's redirect reaches without our JWT: it is guarded by the
 * single-use state an admin's connect created, and the PKCE verifier never leaves the server.
 */
export function xAccountRoutes(deps: ApiDeps) {
  const { app, route } = apiRouter(deps.identify);
  const x = (): ConnectDeps => {
    if (!deps.xAccount)
      throw new HTTPException(503, {
        message: 'X is not configured here: set X_CLIENT_ID and the token vault',
      });
    return { ...deps.xAccount, clock: deps.clock, log: deps.log };
  };
  const redirectUri = (c: Context) =>
    deps.xAccount?.redirectUri ?? new URL('/api/x-account/callback', c.req.url).toString();
  const Status = looseObject('XConnection', "The brand account's connection: status, handle, since when");

  route(
    {
      method: 'get',
      path: '/',
      operationId: 'getXAccount',
      tag: 'x-account',
      summary: "The brand's X account: connected or not, and as whom",
      owners: ANY_ROLE,
      responses: { 200: { description: 'The status', schema: Status } },
    },
    async (c) => {
      if (!deps.xAccount) return c.json({ status: 'not-configured' });
      return c.json(await xConnectionStatus(x()));
    },
  );
  route(
    {
      method: 'post',
      path: '/connect',
      operationId: 'connectXAccount',
      tag: 'x-account',
      summary: "Start connecting the brand's X account (OAuth 2.0 with PKCE)",
      owners: ['admin'],
      responses: {
        200: {
          description: 'Where to send the admin to authorize',
          schema: looseObject('XAuthorization', 'The authorization URL to open'),
        },
      },
      errors: [413, 503],
    },
    async (c) =>
      c.json(
        await startXConnect(x(), { redirectUri: redirectUri(c), admin: identityOf(deps.identify, c).id }),
      ),
  );
  route(
    {
      method: 'get',
      path: '/callback',
      operationId: 'completeXConnect',
      tag: 'x-account',
      summary: "X's redirect after the admin authorized (or refused)",
      description:
        "Guarded by the single-use state an admin's connect created, not by a sign-in. Redirects to the web app with `?x-account=connected|refused|expired|failed`.",
      owners: 'none',
      query: Callback,
      responses: { 302: { description: 'Back to the web app, told how it went' } },
    },
    async (c, { query: q }) => {
      if (q.code === undefined || q.state === undefined || q.state.length < 16) return back(c, 'refused');
      try {
        await completeXConnect(x(), { state: q.state, code: q.code });
      } catch (error) {
        if (error instanceof AuthorizationStateError) return back(c, 'expired');
        deps.log.error('X connect failed', { error: (error as Error).name });
        return back(c, 'failed');
      }
      return back(c, 'connected');
    },
  );
  route(
    {
      method: 'post',
      path: '/disconnect',
      operationId: 'disconnectXAccount',
      tag: 'x-account',
      summary: "Disconnect the brand's X account and revoke its tokens",
      owners: ['admin'],
      responses: { 200: { description: 'The status after', schema: Status } },
      errors: [413, 503],
    },
    async (c) => c.json(await disconnectX(x(), { admin: identityOf(deps.identify, c).id })),
  );
  return app;
}
