import { describe, expect, it } from 'vitest';
import { buildSources } from '../../shared/adapters/build.ts';
import { systemClock } from '../../shared/ports/clock.ts';

const none = {
  X_TLS_INSECURE: false,
  HACKERNEWS_ENABLED: false,
} as const;

describe('buildSources', () => {
  it('runs only the sources whose credentials are set, from the environment or the sources secret', () => {
    expect(Object.keys(buildSources(none, 'x', systemClock)).sort()).toEqual(['x']);
    expect(
      Object.keys(
        buildSources(none, 'x', systemClock, {
          REDDIT_CLIENT_ID: 'id',
          REDDIT_CLIENT_SECRET: 's',
          BLUESKY_IDENTIFIER: 'me.bsky.social',
          BLUESKY_APP_PASSWORD: 'p',
        }),
      ).sort(),
    ).toEqual(['bluesky', 'reddit', 'x']);
    expect(Object.keys(buildSources({ ...none, BLUESKY_TOKEN: 'jwt' }, 'x', systemClock)).sort()).toEqual([
      'bluesky',
      'x',
    ]);
    expect(Object.keys(buildSources({ ...none, HACKERNEWS_ENABLED: true }, 'x', systemClock)).sort()).toEqual(
      ['hackernews', 'x'],
    );
  });
});
