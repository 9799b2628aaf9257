import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { messageOf, setStatus } from './status.tsx';

interface XStatus {
  status: 'not-configured' | 'connected' | 'not-connected' | 'broken';
  username?: string;
  reason?: string;
}

/** The brand's X account: status for everyone; connect and disconnect (the API allows admins only). */
export function XAccount() {
  const [x, setX] = useState<XStatus>();
  const refresh = () =>
    api<XStatus>('GET', '/api/x-account').then(setX, (e) => setStatus(`X account: ${messageOf(e)}`));
  useEffect(() => {
    const outcome = new URLSearchParams(location.search).get('x-account');
    if (outcome) {
      history.replaceState(null, '', location.origin + location.pathname + location.hash);
      setStatus(outcome === 'connected' ? 'X account connected.' : `X account not connected (${outcome}).`);
    }
    refresh();
  }, []);
  if (!x?.status || x.status === 'not-configured') return null;
  const connect = async () => {
    try {
      location.assign((await api<{ authorizeUrl: string }>('POST', '/api/x-account/connect')).authorizeUrl);
    } catch (e) {
      setStatus(`Could not connect: ${messageOf(e)}`);
    }
  };
  const disconnect = async () => {
    if (
      !confirm(
        'Disconnect the X account? Its token is revoked; nothing is sent until an admin connects again.',
      )
    )
      return;
    try {
      await api('POST', '/api/x-account/disconnect');
      refresh();
    } catch (e) {
      setStatus(`Could not disconnect: ${messageOf(e)}`);
    }
  };
  return (
    <div id="x-account" class={x.status === 'broken' ? 'broken' : ''}>
      <span id="x-status">
        {x.status === 'connected'
          ? `X: @${x.username}`
          : x.status === 'broken'
            ? `X connection broken: ${x.reason ?? ''}; reconnect`
            : 'X: not connected'}
      </span>
      {x.status !== 'connected' && (
        <button type="button" class="act" onClick={connect}>
          Connect X account
        </button>
      )}
      {(x.status === 'connected' || x.status === 'broken') && (
        <button type="button" class="act" onClick={disconnect}>
          Disconnect
        </button>
      )}
    </div>
  );
}
