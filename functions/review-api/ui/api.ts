/**
 * The one way the page talks to the API: `api(method, path, body?)` sends JSON with the caller's
 * credentials. On a laptop that is the run's write token (a meta element only this origin can
 * read) plus the role token from the sign-in link `npm start` printed; on AWS it is the Cognito ID
 * token, got through the hosted UI with authorization code + PKCE (a public client: no secret
 * here). One sign-in serves every call started at load.
 */

export interface SignInConfig {
  url: string;
  clientId: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const configElement = document.getElementById('sign-in-config');
export const signIn: SignInConfig | null = JSON.parse(configElement?.textContent || 'null');
const writeToken = document.querySelector<HTMLMetaElement>('meta[name="prospector-write-token"]')?.content;
const here = location.origin + location.pathname;

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/[+]/g, '-')
    .replace(/[/]/g, '_')
    .replace(/=+$/, '');
const random = (n: number) => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** Leaves for the hosted UI; it comes back to this page with ?code=...&state=... */
async function startSignIn(config: SignInConfig): Promise<never> {
  const verifier = random(32);
  const state = random(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: here,
    scope: 'openid email',
    state,
    code_challenge: b64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.url}/oauth2/authorize?${q}`);
  return new Promise<never>(() => {}); // the page is leaving
}

async function finishSignIn(config: SignInConfig, params: URLSearchParams): Promise<void> {
  const saved = JSON.parse(sessionStorage.getItem('pkce') || 'null');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', here);
  if (!saved || saved.state !== params.get('state'))
    throw new Error('the sign-in answer does not match this browser tab; reload to sign in again');
  const res = await fetch(`${config.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: params.get('code') || '',
      redirect_uri: here,
      code_verifier: saved.verifier,
    }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.id_token) throw new Error(`sign-in failed: ${body.error || res.status}`);
  sessionStorage.setItem(
    'session',
    JSON.stringify({ idToken: body.id_token, expiresAt: Date.now() + (body.expires_in || 3600) * 1000 }),
  );
}

let signingIn: Promise<void> | undefined;
let startingSignIn: Promise<never> | undefined;

/** The token for the API, signing in first when there is none or it is about to expire. */
export async function bearer(): Promise<string | undefined> {
  if (!signIn) {
    // On a laptop, npm start prints a link per role carrying a signed local token (#token=...).
    const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromLink) {
      sessionStorage.setItem('localToken', fromLink);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem('localToken') || undefined;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    history.replaceState(null, '', here);
    throw new Error(
      `sign-in failed: ${params.get('error_description') || params.get('error')}; reload to try again`,
    );
  }
  if (params.has('code')) {
    signingIn ??= finishSignIn(signIn, params);
    await signingIn;
  }
  const session = JSON.parse(sessionStorage.getItem('session') || 'null');
  if (session && session.expiresAt > Date.now() + 60000) return session.idToken;
  startingSignIn ??= startSignIn(signIn);
  return startingSignIn;
}

export function signOut(): void {
  if (!signIn) return;
  sessionStorage.clear();
  location.assign(
    `${signIn.url}/logout?${new URLSearchParams({ client_id: signIn.clientId, logout_uri: here })}`,
  );
}

/** Calls a documented API route with JSON; a non-2xx answer throws its `error` message. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (writeToken) headers['x-prospector-token'] = writeToken;
  const token = await bearer();
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 401 && signIn) {
    sessionStorage.removeItem('session');
    // Several calls may fail at once: one sign-in for all of them (the page is leaving).
    startingSignIn ??= startSignIn(signIn);
    return startingSignIn;
  }
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(answer.error || res.statusText, res.status);
  return answer as T;
}

export { keyPath, safeUrl } from './format.ts';
