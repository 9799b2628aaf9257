import { createHash } from 'node:crypto';
import type { SignInSettings } from './http.ts';
import { UI_BUNDLE_JS } from './ui/dist/bundle.ts';
import { UI_CSS } from './ui/styles.ts';

/**
 * The workspace page: a small Preact app (functions/review-api/ui/, bundled by
 * scripts/build-ui.ts) inlined in one HTML document, so it works offline on a laptop and from the
 * same Lambda on AWS with no CDN and no static-file route. On AWS it signs the person in through
 * the Cognito hosted UI (authorization code + PKCE, a public client: no secret in the page) and
 * sends the ID token to the API, whose routes API Gateway guards with the JWT authorizer.
 */
export function reviewUiHtml(signIn?: SignInSettings, writeToken?: string): string {
  // JSON in a script element: `<` escaped so no value can close the element.
  const config = JSON.stringify(signIn ?? null).replace(/</g, '\\u003c');
  // On a laptop the page carries the run's write token (see local-access.ts); a page on another
  // origin cannot read this one, so it cannot learn the token.
  const meta = writeToken ? `<meta name="prospector-write-token" content="${attr(writeToken)}">` : '';
  return PAGE.replace('__SIGN_IN__', () => config).replace('__WRITE_TOKEN__', () => meta);
}

const attr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page's Content-Security-Policy: only its own script (by hash) runs, it talks only to its own
 * origin and the sign-in server, and it cannot be framed. The page holds a token in the tab, so a
 * script injected through some unescaped field must not run or send it anywhere.
 */
export function reviewUiCsp(signIn?: SignInSettings): string {
  return [
    "default-src 'none'",
    `script-src '${SCRIPT_HASH}'`,
    "style-src 'unsafe-inline'",
    `connect-src 'self'${signIn ? ` ${new URL(signIn.url).origin}` : ''}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
__WRITE_TOKEN__
<title>Prospector</title>
<style>${UI_CSS}</style>
</head>
<body>
<div id="app"></div>
<script id="sign-in-config" type="application/json">__SIGN_IN__</script>
<script>${UI_BUNDLE_JS}</script>
</body>
</html>`;

/** sha256 of the page's one executable script (the JSON config element is data, not script). */
const SCRIPT_HASH = `sha256-${createHash('sha256')
  .update(/<script>([\s\S]*?)<\/script>/.exec(PAGE)![1]!)
  .digest('base64')}`;
