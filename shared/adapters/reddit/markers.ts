/**
 * Reddit search has no time filter; its only handle is `after=<fullname>`. So a marker is
 * `<created_utc seconds>:<fullname>` (e.g. `1732100000:t3_1gx2abc`): the seconds order markers in
 * time and bound a walk, the fullname lets a resumed walk start right after that post.
 * Plain seconds are accepted too (then a resume re-reads from the top and filters by time).
 */
export interface RedditMarker {
  seconds: number;
  fullname?: string;
}

export function encodeMarker(seconds: number, fullname: string): string {
  return `${Math.floor(seconds)}:${fullname}`;
}

export function decodeMarker(marker: string | undefined): RedditMarker | undefined {
  const m = marker ? /^(\d{1,12})(?::(t3_[a-z0-9]{1,16}))?$/.exec(marker) : null;
  if (!m) return undefined;
  return { seconds: Number(m[1]), fullname: m[2] };
}
