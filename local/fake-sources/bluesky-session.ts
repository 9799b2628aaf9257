import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, TokenDesk } from './http-kit.ts';

export interface BskyLogin {
  identifier: string;
  appPassword: string;
  tokenTtlSeconds?: number;
}

/** createSession's limits on the PDS: 30 per 5 minutes and 300 per day per account. */
const SESSION_LIMITS = [
  { limit: 30, windowMs: 5 * 60_000 },
  { limit: 300, windowMs: 86_400_000 },
] as const;

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * `com.atproto.server.createSession` (rate limited as on the PDS) and
 * `com.atproto.server.refreshSession` (bearer: the refresh JWT; answers a new session and rotates
 * the refresh token, so the old one stops working), per their lexicons. Access tokens are checked
 * by the search endpoints through `tokens`.
 */
export class FakeBlueskySessions {
  readonly tokens = new TokenDesk();
  private readonly refreshTokens = new TokenDesk();
  private readonly creations: number[] = [];
  created = 0;
  refreshed = 0;

  constructor(
    private readonly login: BskyLogin,
    private readonly now: () => number = Date.now,
  ) {}

  /** Answers a session call; false when `method` is not one of them. */
  handle(method: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    if (method === 'com.atproto.server.createSession') {
      void readBody(req).then((raw) => this.create(raw, res));
      return true;
    }
    if (method === 'com.atproto.server.refreshSession') {
      this.refresh((req.headers.authorization ?? '').replace(/^Bearer /, ''), res);
      return true;
    }
    return false;
  }

  private create(raw: string, res: ServerResponse) {
    const at = this.now();
    for (const { limit, windowMs } of SESSION_LIMITS) {
      const used = this.creations.filter((t) => t > at - windowMs).length;
      if (used >= limit) {
        const oldest = this.creations.filter((t) => t > at - windowMs)[0] ?? at;
        return sendJson(
          res,
          429,
          { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
          {
            'ratelimit-limit': String(limit),
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(Math.ceil((oldest + windowMs) / 1000)),
            'ratelimit-policy': `${limit};w=${windowMs / 1000}`,
          },
        );
      }
    }
    let body: { identifier?: string; password?: string };
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return sendJson(res, 400, { error: 'InvalidRequest', message: 'Invalid JSON body' });
    }
    this.creations.push(at);
    if (body.identifier !== this.login.identifier || body.password !== this.login.appPassword)
      return sendJson(res, 401, {
        error: 'AuthenticationRequired',
        message: 'Invalid identifier or password',
      });
    this.created++;
    this.session(res);
  }

  private refresh(bearer: string, res: ServerResponse) {
    const token = bearer.split('.')[2] ?? '';
    const state = this.refreshTokens.check(token);
    if (state === 'expired')
      return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    if (state !== 'ok')
      return sendJson(res, 400, { error: 'InvalidToken', message: 'Token could not be verified' });
    this.refreshTokens.revoke(token);
    this.refreshed++;
    this.session(res);
  }

  private session(res: ServerResponse) {
    const ttl = this.login.tokenTtlSeconds ?? 7200;
    const access = this.tokens.issue(ttl);
    const refresh = this.refreshTokens.issue(90 * 86_400);
    const exp = Math.floor(access.expiresAt / 1000);
    const jwt = (claims: object, token: string) => `${part({ alg: 'none' })}.${part(claims)}.${token}`;
    sendJson(res, 200, {
      accessJwt: jwt(
        { iat: exp - ttl, exp, sub: 'did:plc:fake', scope: 'com.atproto.appPass' },
        access.token,
      ),
      refreshJwt: jwt({ sub: 'did:plc:fake', scope: 'com.atproto.refresh' }, refresh.token),
      handle: this.login.identifier,
      did: 'did:plc:fake',
      active: true,
    });
  }
}
