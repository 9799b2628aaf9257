import { useState } from 'preact/hooks';
import { api, keyPath } from '../api.ts';
import { messageOf, setStatus } from '../components/status.tsx';
import { Loading, useLoad } from '../components/use-load.tsx';
import type { PageProps } from '../router.ts';
import type { Lead, Page } from '../types.ts';

interface Code {
  id: string;
  label: string;
  usedFor: string[];
}

let codesOnce: Promise<Code[]> | undefined;

function CodeSelect({
  label,
  codes,
  use,
  value,
  onChange,
  ...rest
}: {
  label: string;
  codes: Code[];
  use: string;
  value: string;
  onChange: (v: string) => void;
  [k: string]: unknown;
}) {
  return (
    <label>
      {label}{' '}
      <select {...rest} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        {codes
          .filter((c) => c.usedFor.includes(use))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
      </select>
    </label>
  );
}

/** One MQL (or accepted lead) with the why behind its score, and the moves sales can make. */
function SalesCard({
  lead,
  state,
  codes,
  onDone,
}: {
  lead: Lead;
  state: string;
  codes: Code[];
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const [objection, setObjection] = useState('');
  const [code, setCode] = useState('');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const decide = async (to: string) => {
    const body: Record<string, unknown> = { to, note };
    if (objection) body.objection = objection;
    if ((to === 'rejected' || to === 'lost') && code) body.code = code;
    if (to === 'won') body.deal = { value: Number(value), currency: currency.trim().toUpperCase() };
    if (lead.revision !== undefined) body.revision = lead.revision;
    try {
      await api('POST', `/api/leads/${keyPath(lead.key)}/decision`, body);
      setStatus(`Marked ${to}.`);
      onDone();
    } catch (e) {
      setStatus(`Not saved: ${messageOf(e)}`);
    }
  };
  return (
    <article class="card sale" data-key={lead.key}>
      <div class="row">
        <div>
          <strong>{lead.profile.name}</strong>{' '}
          <span class="muted">{`@${lead.profile.handle} · ${lead.profile.followers} followers`}</span>{' '}
          <a href={`#/lead/${keyPath(lead.key)}`}>timeline</a>
        </div>
        <div class="score">{lead.score}</div>
      </div>
      <div class="muted">{lead.profile.bio}</div>
      <ul class="why">
        {lead.breakdown.map((b, i) => (
          <li key={i}>
            <code>{b.ruleId}</code> {`${b.points >= 0 ? '+' : ''}${b.points}`}{' '}
            <span class="muted">{b.evidence}</span>
          </li>
        ))}
      </ul>
      <div class="actions">
        <CodeSelect
          label="objection"
          codes={codes}
          use="objection"
          value={objection}
          onChange={setObjection}
          data-objection
        />
        <input
          type="text"
          aria-label="note"
          placeholder="Note (what you heard)"
          data-note
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        {state === 'mql' ? (
          <>
            <CodeSelect
              label="reject reason"
              codes={codes}
              use="reject"
              value={code}
              onChange={setCode}
              data-code="reject"
            />
            <button type="button" class="act primary" onClick={() => decide('accepted')}>
              Accept
            </button>
            <button type="button" class="act" onClick={() => decide('rejected')}>
              Reject
            </button>
          </>
        ) : (
          <>
            <CodeSelect
              label="lost reason"
              codes={codes}
              use="lose"
              value={code}
              onChange={setCode}
              data-code="lose"
            />
            <label>
              deal{' '}
              <input
                type="number"
                min="0"
                step="any"
                aria-label="deal value"
                value={value}
                onInput={(e) => setValue((e.target as HTMLInputElement).value)}
              />
            </label>
            <label>
              currency{' '}
              <input
                type="text"
                maxLength={3}
                size={4}
                aria-label="currency"
                value={currency}
                onInput={(e) => setCurrency((e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="button" class="act primary" onClick={() => decide('won')}>
              Won
            </button>
            <button type="button" class="act" onClick={() => decide('lost')}>
              Lost
            </button>
          </>
        )}
      </div>
    </article>
  );
}

/**
 * The sales inbox: MQLs with the why behind their score; accept, or reject with a reason code;
 * accepted leads are marked won (deal value, currency) or lost. Code pickers come from
 * GET /api/codes, so admins edit the list without a deploy.
 */
export function SalesPage({ params }: PageProps) {
  const state = params.get('state') === 'accepted' ? 'accepted' : 'mql';
  const { data, setData, failed } = useLoad(async () => {
    codesOnce ??= api<{ codes: Code[] }>('GET', '/api/codes').then((r) => r.codes);
    const [codes, page] = await Promise.all([
      codesOnce,
      api<Page<Lead>>('GET', `/api/leads?state=${state}&limit=50`),
    ]);
    return { codes, items: page.items };
  }, [state]);
  return (
    <>
      <h2>Sales inbox</h2>
      <p class="tabs">
        <a href="#/sales" aria-current={state === 'mql'}>
          MQLs to decide
        </a>{' '}
        ·{' '}
        <a href="#/sales?state=accepted" aria-current={state === 'accepted'}>
          Accepted: won or lost
        </a>
      </p>
      {!data ? (
        <Loading failed={failed} />
      ) : (
        <div id="sales-list">
          {data.items.map((l) => (
            <SalesCard
              key={l.key}
              lead={l}
              state={state}
              codes={data.codes}
              onDone={() => setData({ ...data, items: data.items.filter((x) => x.key !== l.key) })}
            />
          ))}
          {!data.items.length && <div class="empty">Nothing here.</div>}
        </div>
      )}
    </>
  );
}
