import { type Context, Hono, type MiddlewareHandler } from 'hono';
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
import { identityOf } from '../auth.ts';
import { type ApiDeps, parse } from '../http.ts';

const Callback = z.union([
  z.object({ state: z.string().min(16).max(200), code: z.string().min(1).max(2000) }),
  z.object({ state: z.string().max(200).optional(), error: z.string().min(1).max(200) }),
]);

/** Where the connect flow lands: the review page, told how it went (no token ever in a URL of ours). */
const back = (c: Context, outcome: string) => c.redirect(`/?x-account=${encodeURIComponent(outcome)}`, 302);

/**
 * The brand's X account: its status for everyone signed in (`signedIn` guards it); connect and
 * disconnect for admins (`admin` guards them; the app wires both role checks). The callback is the one route X's redirect
 * reaches without our JWT: it is guarded by the single-use state an admin's connect created, and
 * the PKCE verifier never leaves the server.
 */
export function xAccountRoutes(
  deps: ApiDeps,
  guards: { admin?: MiddlewareHandler; signedIn?: MiddlewareHandler } = {},
): Hono {
  const app = new Hono();
  const open: MiddlewareHandler = async (_c, next) => next();
  const admin = guards.admin ?? open;
  const signedIn = guards.signedIn ?? open;
  const x = (): ConnectDeps => {
    if (!deps.xAccount)
      throw new HTTPException(503, {
        message: 'X is not configured here: set X_CLIENT_ID and the token vault',
      });
    return { ...deps.xAccount, clock: deps.clock, log: deps.log };
  };
  const redirectUri = (c: Context) =>
    deps.xAccount?.redirectUri ?? new URL('/api/x-account/callback', c.req.url).toString();

  app.get('/', signedIn, async (c) => {
    if (!deps.xAccount) return c.json({ status: 'not-configured' });
    return c.json(await xConnectionStatus(x()));
  });
  app.post('/connect', admin, async (c) =>
    c.json(await startXConnect(x(), { redirectUri: redirectUri(c), admin: identityOf(deps.identify, c).id })),
  );
  app.get('/callback', async (c) => {
    const q = parse(Callback, c.req.query());
    if ('error' in q) return back(c, 'refused');
    try {
      await completeXConnect(x(), { state: q.state, code: q.code });
    } catch (error) {
      if (error instanceof AuthorizationStateError) return back(c, 'expired');
      deps.log.error('X connect failed', { error: (error as Error).name });
      return back(c, 'failed');
    }
    return back(c, 'connected');
  });
  app.post('/disconnect', admin, async (c) =>
    c.json(await disconnectX(x(), { admin: identityOf(deps.identify, c).id })),
  );
  return app;
}
