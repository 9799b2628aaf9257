import { describe, expect, it } from 'vitest';
import { RefreshingToken, TokenRefusedError, withToken } from '../../shared/adapters/access-tokens.ts';

function minter(ttlSeconds = 3600) {
  let n = 0;
  const calls: number[] = [];
  return {
    calls,
    mint: async () => {
      n++;
      calls.push(n);
      return { token: `t${n}`, expiresInSeconds: ttlSeconds };
    },
  };
}

describe('RefreshingToken', () => {
  it('shares one mint among concurrent callers and caches the token', async () => {
    const m = minter();
    const tokens = new RefreshingToken(m.mint);
    const got = await Promise.all([tokens.current(), tokens.current(), tokens.current()]);
    expect(got).toEqual(['t1', 't1', 't1']);
    expect(await tokens.current()).toBe('t1');
    expect(m.calls).toHaveLength(1);
  });

  it('does not cache a failed mint', async () => {
    let fail = true;
    const tokens = new RefreshingToken(async () => {
      if (fail) throw new Error('down');
      return { token: 'ok', expiresInSeconds: 60 * 60 };
    });
    await expect(tokens.current()).rejects.toThrow('down');
    fail = false;
    expect(await tokens.current()).toBe('ok');
  });

  it('forgets only the refused token', async () => {
    const m = minter();
    const tokens = new RefreshingToken(m.mint);
    await tokens.current();
    tokens.refused('some-older-token');
    expect(await tokens.current()).toBe('t1');
    tokens.refused('t1');
    expect(await tokens.current()).toBe('t2');
  });
});

describe('withToken', () => {
  it('retries once with a fresh token after a refusal, and no more', async () => {
    const tokens = new RefreshingToken(minter().mint);
    const seen: (string | undefined)[] = [];
    const result = await withToken(tokens, async (t) => {
      seen.push(t);
      if (t === 't1') throw new TokenRefusedError('401');
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['t1', 't2']);

    const always: (string | undefined)[] = [];
    await expect(
      withToken(tokens, async (t) => {
        always.push(t);
        throw new TokenRefusedError('401');
      }),
    ).rejects.toBeInstanceOf(TokenRefusedError);
    expect(always).toEqual(['t2', 't3']);
  });

  it('passes other errors through without minting', async () => {
    const m = minter();
    const tokens = new RefreshingToken(m.mint);
    await expect(withToken(tokens, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(m.calls).toHaveLength(1);
  });
});
