import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkPostLength } from '../../shared/domain/post-length.ts';
import type { AcceptedPost, FakeXAccount } from './account-state.ts';
import { invalidRequest, json } from './responses.ts';

const PROBLEM = { 'content-type': 'application/problem+json' };
const SCOPES = new Set(['tweet.read', 'tweet.write', 'users.read', 'offline.access']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64_000) req.destroy();
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** X's problem+json (its OpenAPI `Problem`): `type` and `title` required, `detail` and `status` given. */
function problem(res: ServerResponse, status: number, title: string, detail: string, extra = {}) {
  res.writeHead(status, PROBLEM);
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
}

/**
 * The OAuth endpoints take a form body; twitter-api-v2 1.x sends JSON there (its body-type
 * detection checks `url.password` instead of the path), which X accepts too, so both are read.
 */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  if (!(req.headers['content-type'] ?? '').includes('application/json')) return new URLSearchParams(body);
  const form = new URLSearchParams();
  try {
    for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>))
      if (typeof v === 'string') form.set(k, v);
  } catch {
    // An unreadable body has no fields: the endpoint answers as for missing ones.
  }
  return form;
}

const oauthError = (res: ServerResponse, error: string, description: string) =>
  json(res, 400, { error, error_description: description });

/**
 * The user-context endpoints: OAuth 2.0 (authorize with PKCE, token with single-use refresh
 * tokens, revoke), `users/me`, `POST /2/tweets`, and the brand's timeline and mentions with
 * pagination. Returns false for a path it does not serve.
 */
export function createAccountEndpoints(
  account: FakeXAccount,
  rateLimit = { limit: 100, windowMs: 15 * 60_000 },
) {
  let windowStart = Date.now();
  let used = 0;

  const userToken = (req: IncomingMessage, res: ServerResponse): boolean => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (account.isUserToken(token)) return true;
    problem(res, 401, 'Unauthorized', 'Unauthorized');
    return false;
  };

  const timeline = (
    res: ServerResponse,
    params: URLSearchParams,
    all: readonly (AcceptedPost | Record<string, unknown>)[],
  ) => {
    const max = Number(params.get('max_results') ?? '10');
    if (!Number.isInteger(max) || max < 5 || max > 100)
      return invalidRequest(
        res,
        'max_results',
        `The \`max_results\` query parameter value [${params.get('max_results')}] is not between 5 and 100`,
        {},
      );
    const since = params.get('since_id');
    if (since !== null && !/^\d{1,19}$/.test(since))
      return invalidRequest(
        res,
        'since_id',
        `The \`since_id\` query parameter value [${since}] is not valid`,
        {},
      );
    const token = params.get('pagination_token');
    const before = token ? Buffer.from(token, 'base64url').toString() : undefined;
    if (before !== undefined && !/^\d+$/.test(before))
      return invalidRequest(
        res,
        'pagination_token',
        'The `pagination_token` query parameter value is not valid',
        {},
      );
    const start = params.get('start_time') ? Date.parse(params.get('start_time') as string) : undefined;
    const id = (t: Record<string, unknown>) => BigInt(String(t.id));
    const matching = [...all]
      .map((t) => t as Record<string, unknown>)
      .filter(
        (t) =>
          (since === null || id(t) > BigInt(since)) &&
          (before === undefined || id(t) < BigInt(before)) &&
          (start === undefined || Date.parse(String(t.created_at)) >= start),
      )
      .sort((a, b) => (id(b) > id(a) ? 1 : -1));
    const page = matching.slice(0, max);
    if (page.length === 0) return json(res, 200, { meta: { result_count: 0 } });
    const fields = new Set([
      'id',
      'text',
      'edit_history_tweet_ids',
      ...(params.get('tweet.fields')?.split(',') ?? []),
    ]);
    const data = page.map((t) => {
      const wire: Record<string, unknown> = {
        ...t,
        edit_history_tweet_ids: [t.id],
        ...(t.in_reply_to_tweet_id
          ? { referenced_tweets: [{ type: 'replied_to', id: t.in_reply_to_tweet_id }] }
          : {}),
      };
      return Object.fromEntries(Object.entries(wire).filter(([k]) => fields.has(k)));
    });
    const last = page[page.length - 1];
    return json(res, 200, {
      data,
      meta: {
        result_count: page.length,
        newest_id: page[0]?.id,
        oldest_id: last?.id,
        ...(matching.length > max ? { next_token: Buffer.from(String(last?.id)).toString('base64url') } : {}),
      },
    });
  };

  const postTweet = async (req: IncomingMessage, res: ServerResponse) => {
    let body: { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return invalidRequest(res, 'body', 'Request body is not valid JSON', {});
    }
    if (Date.now() - windowStart >= rateLimit.windowMs) {
      windowStart = Date.now();
      used = 0;
    }
    const fault = account.postFaults.shift();
    used++;
    const rl = {
      'x-rate-limit-limit': String(rateLimit.limit),
      'x-rate-limit-remaining': String(fault === 'rate-limit' ? 0 : Math.max(rateLimit.limit - used, 0)),
      'x-rate-limit-reset': String(Math.ceil((windowStart + rateLimit.windowMs) / 1000)),
    };
    if (fault === 'rate-limit' || used > rateLimit.limit) {
      res.writeHead(429, { ...PROBLEM, ...rl });
      return res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Too Many Requests',
          status: 429,
          detail: 'Too Many Requests',
        }),
      );
    }
    if (typeof body.text !== 'string' || body.text.trim() === '')
      return invalidRequest(res, 'text', 'text must be a non-empty string', rl);
    if (!checkPostLength(body.text).valid)
      return problem(res, 403, 'Forbidden', 'Tweet needs to be a bit shorter.');
    if (fault === 'suspended')
      return problem(
        res,
        403,
        'Forbidden',
        'Your account is suspended and is not permitted to access this feature.',
      );
    const replyTo = body.reply?.in_reply_to_tweet_id;
    if (replyTo !== undefined && (typeof replyTo !== 'string' || !/^\d{1,19}$/.test(replyTo)))
      return invalidRequest(res, 'reply.in_reply_to_tweet_id', 'in_reply_to_tweet_id must be a post id', rl);
    const parent = replyTo ? account.tweet(replyTo) : undefined;
    if (replyTo && !parent)
      return problem(
        res,
        403,
        'Forbidden',
        'You attempted to reply to a Tweet that is deleted or not visible to you.',
      );
    if (parent && account.blockedBy.has(String(parent.author_id)))
      return problem(res, 403, 'Forbidden', 'You have been blocked from the author of this Tweet.');
    if (replyTo && account.repliesRestricted.has(replyTo))
      return problem(
        res,
        403,
        'Forbidden',
        'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
      );
    if (fault === 'duplicate' || account.posts.some((p) => p.text === body.text))
      return problem(res, 403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    const id = account.newId();
    const post: AcceptedPost = {
      id,
      text: body.text,
      author_id: account.user.id,
      created_at: new Date().toISOString(),
      conversation_id: String(
        (parent as { conversation_id?: string } | undefined)?.conversation_id ?? replyTo ?? id,
      ),
      ...(replyTo ? { in_reply_to_tweet_id: replyTo, in_reply_to_user_id: String(parent?.author_id) } : {}),
    };
    account.posts.push(post);
    if (fault === 'drop-after-accept') return req.socket.destroy();
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', ...rl });
    res.end(JSON.stringify({ data: { id, text: post.text } }));
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    if (form.get('client_id') !== account.clientId)
      return json(res, 401, {
        error: 'unauthorized_client',
        error_description: 'Missing valid authorization header',
      });
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      if (
        !account.redeemCode(
          form.get('code') ?? '',
          form.get('code_verifier') ?? '',
          form.get('redirect_uri') ?? '',
        )
      )
        return oauthError(res, 'invalid_request', 'Value passed for the authorization code was invalid.');
    } else if (grant === 'refresh_token') {
      if (!account.spendRefresh(form.get('refresh_token') ?? ''))
        return oauthError(res, 'invalid_grant', 'Value passed for the token was invalid.');
    } else {
      return oauthError(res, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
    }
    const t = account.issueTokens();
    return json(res, 200, {
      token_type: 'bearer',
      expires_in: t.expiresIn,
      access_token: t.accessToken,
      scope: [...SCOPES].join(' '),
      refresh_token: t.refreshToken,
    });
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/i/oauth2/authorize' && method === 'GET') {
      const p = url.searchParams;
      const scopes = (p.get('scope') ?? '').split(' ');
      if (
        p.get('client_id') !== account.clientId ||
        p.get('response_type') !== 'code' ||
        (p.get('code_challenge_method') !== 's256' && p.get('code_challenge_method') !== 'S256') ||
        !p.get('code_challenge') ||
        !p.get('state') ||
        !scopes.every((s) => SCOPES.has(s))
      ) {
        json(res, 400, { error: 'invalid_request' });
        return true;
      }
      const redirect = new URL(p.get('redirect_uri') ?? '');
      redirect.searchParams.set('state', p.get('state') ?? '');
      redirect.searchParams.set(
        'code',
        account.authorize(p.get('code_challenge') ?? '', p.get('redirect_uri') ?? '', p.get('scope') ?? ''),
      );
      res.writeHead(302, { location: redirect.toString() });
      res.end();
      return true;
    }
    if (path === '/2/oauth2/token' && method === 'POST') return token(req, res).then(() => true);
    if (path === '/2/oauth2/revoke' && method === 'POST') {
      const form = await readForm(req);
      account.revoke(form.get('token') ?? '');
      json(res, 200, { revoked: true });
      return true;
    }
    if (path === '/2/users/me' && method === 'GET') {
      if (userToken(req, res)) json(res, 200, { data: account.user });
      return true;
    }
    if (path === '/2/tweets' && method === 'POST') {
      if (userToken(req, res)) await postTweet(req, res);
      return true;
    }
    const timelineMatch = /^\/2\/users\/(\d{1,19})\/(tweets|mentions)$/.exec(path);
    if (timelineMatch && method === 'GET') {
      if (!userToken(req, res)) return true;
      if (timelineMatch[1] !== account.user.id) {
        json(res, 200, { meta: { result_count: 0 } });
        return true;
      }
      timeline(res, url.searchParams, timelineMatch[2] === 'tweets' ? account.posts : account.mentions);
      return true;
    }
    return false;
  };
}
