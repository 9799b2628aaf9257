/** Pure helpers the pages share (no DOM access, so unit tests import them directly). */

/** `x#123` → `x/123`: a prospect key as the API's path segments. */
export const keyPath = (key: string) => key.split('#').map(encodeURIComponent).join('/');

/** Only an https: URL becomes a link (stored URLs are data from a social network); else undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  try {
    return url && new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
