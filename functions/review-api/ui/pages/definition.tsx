import { useEffect, useMemo, useState } from 'preact/hooks';
import { type DefinitionInWords, definitionInWords } from '../../../../shared/domain/definition-in-words.ts';
import type { MqlDefinitionDraft } from '../../../../shared/domain/mql-definition.ts';
import { ApiError, api } from '../api.ts';
import { DefinitionWords } from '../components/definition-words.tsx';
import { messageOf, setStatus } from '../components/status.tsx';
import { Loading, useLoad } from '../components/use-load.tsx';

interface Definition extends MqlDefinitionDraft {
  version: number;
  author: string;
  note: string;
  publishedAt: string;
}
interface VersionSummary {
  version: number;
  author: string;
  note: string;
  publishedAt: string;
}
interface Draft {
  basedOn: number;
  note: string;
  document: MqlDefinitionDraft;
  savedAt: string;
}
interface Impact {
  comparedWith: number;
  checked: number;
  unchanged: number;
  failed: number;
  partial: boolean;
  moves: {
    from: string;
    to: string;
    count: number;
    examples: { key: string; name: string; handle: string; scoreBefore: number; scoreAfter: number }[];
  }[];
}

/** The document a draft edits: a published version without its publishing fields. */
function documentOf(d: Definition): MqlDefinitionDraft {
  const { version: _v, author: _a, note: _n, publishedAt: _p, ...doc } = d;
  return doc;
}

function History(props: { versions: VersionSummary[] }) {
  const { versions } = props;
  const last = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const [diff, setDiff] = useState<string[]>();
  const [shown, setShown] = useState<{ version: number; words: DefinitionInWords }>();
  const pick = (label: string, value: number, onPick: (v: number) => void) => (
    <label>
      {label}
      <select
        aria-label={`Diff ${label.toLowerCase()} version`}
        value={String(value)}
        onChange={(e) => onPick(Number((e.target as HTMLSelectElement).value))}
      >
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            v{v.version}
          </option>
        ))}
      </select>
    </label>
  );
  const compare = async () => {
    try {
      setDiff((await api<{ changes: string[] }>('GET', `/api/mql/diff?from=${from}&to=${to}`)).changes);
    } catch (e) {
      setStatus(`Could not compare: ${messageOf(e)}`);
    }
  };
  const read = async (version: number) => {
    try {
      setShown(await api('GET', `/api/mql/words?version=${version}`));
    } catch (e) {
      setStatus(`Could not load v${version}: ${messageOf(e)}`);
    }
  };
  return (
    <section class="card" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      <table class="card versions">
        <thead>
          <tr>
            {['Version', 'Published', 'By', 'Note', ''].map((h) => (
              <th key={h} scope="col">
                {h || <span class="sr-only">Read</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version}>
              <td class="num">v{v.version}</td>
              <td>{v.publishedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{v.author}</td>
              <td>{v.note}</td>
              <td>
                <button type="button" class="act chip" onClick={() => read(v.version)}>
                  Read v{v.version}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && <DefinitionWords words={shown.words} label={`Version ${shown.version} in words`} />}
      <div class="filter-fields">
        {pick('From', from, setFrom)}
        {pick('To', to, setTo)}
        <button type="button" class="act" onClick={compare}>
          Show the diff
        </button>
      </div>
      {diff && (
        <ul class="diff" aria-label={`Changes from v${from} to v${to}`}>
          {diff.length === 0 ? (
            <li>No changes.</li>
          ) : (
            diff.map((line) => (
              <li key={line}>
                <code>{line}</code>
              </li>
            ))
          )}
        </ul>
      )}
    </section>
  );
}

function ImpactView({ impact }: { impact: Impact }) {
  return (
    <section id="impact" aria-label="Impact of the draft" class="card">
      <h3>Impact against v{impact.comparedWith}</h3>
      <p>
        {`${impact.checked} open leads re-scored in memory, nothing stored: ${impact.checked - impact.unchanged} would move, ${impact.unchanged} would stay.`}
        {impact.partial && ' Only part of the open leads was looked at.'}
        {impact.failed > 0 && ` ${impact.failed} could not be scored.`}
      </p>
      {impact.moves.length > 0 && (
        <table class="card moves">
          <thead>
            <tr>
              <th scope="col">Move</th>
              <th scope="col">Leads</th>
              <th scope="col">Examples (score now → with the draft)</th>
            </tr>
          </thead>
          <tbody>
            {impact.moves.map((m) => (
              <tr key={`${m.from}-${m.to}`}>
                <td>{`${m.from} → ${m.to}`}</td>
                <td class="num">{m.count}</td>
                <td>
                  {m.examples.map((x) => (
                    <div key={x.key}>{`${x.name} @${x.handle}: ${x.scoreBefore} → ${x.scoreAfter}`}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Drafts the next version: JSON on the left, the draft in words as you type, impact, publish. */
function Editor(props: { current: Definition; onPublished: () => void }) {
  const { current } = props;
  const [text, setText] = useState(() => JSON.stringify(documentOf(current), null, 2));
  const [basedOn, setBasedOn] = useState(current.version);
  const [note, setNote] = useState('');
  const [impact, setImpact] = useState<Impact>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    api<Draft>('GET', '/api/mql/draft').then(
      (d) => {
        setText(JSON.stringify(d.document, null, 2));
        setBasedOn(d.basedOn);
        setNote(d.note);
        setStatus(
          `Your draft from ${d.savedAt.slice(0, 16).replace('T', ' ')} (based on v${d.basedOn}) is loaded.`,
        );
      },
      (e) => {
        if (!(e instanceof ApiError && e.status === 404))
          setStatus(`Could not load your draft: ${messageOf(e)}`);
      },
    );
  }, []);
  const parsed = useMemo(() => {
    try {
      const doc = JSON.parse(text) as MqlDefinitionDraft;
      const raw = doc as Partial<MqlDefinitionDraft>;
      return {
        doc,
        words: definitionInWords({
          ...doc,
          engagement: raw.engagement ?? [],
          adjustments: raw.adjustments ?? [],
        }),
      };
    } catch (e) {
      return { error: messageOf(e) };
    }
  }, [text]);
  const run = async (what: string, act: (doc: MqlDefinitionDraft) => Promise<void>) => {
    setProblem('');
    if (!('doc' in parsed) || !parsed.doc) {
      setProblem(`The draft is not valid JSON: ${parsed.error}`);
      return;
    }
    try {
      await act(parsed.doc);
    } catch (e) {
      setProblem(`Could not ${what}: ${messageOf(e)}`);
    }
  };
  const save = () =>
    run('save the draft', async (doc) => {
      await api('PUT', '/api/mql/draft', { definition: doc, basedOn, note });
      setStatus(`Draft saved (based on v${basedOn}).`);
    });
  const preview = () =>
    run('preview the impact', async (doc) => {
      setImpact(undefined);
      const answer = await api<Impact>('POST', '/api/mql/impact', { definition: doc });
      setImpact(answer);
      setStatus(`Impact: ${answer.checked - answer.unchanged} of ${answer.checked} open leads would move.`);
    });
  const publish = () =>
    run('publish', async (doc) => {
      const answer = await api<{ version: number }>('POST', '/api/mql', { definition: doc, note, basedOn });
      await api('DELETE', '/api/mql/draft');
      setStatus(`Published version ${answer.version}; open leads are being re-scored.`);
      props.onPublished();
    });
  return (
    <section class="card editor" aria-labelledby="editor-title">
      <h3 id="editor-title">Edit (draft based on v{basedOn})</h3>
      {basedOn !== current.version && (
        <p class="problem">
          {`v${current.version} was published after this draft's base (v${basedOn}): publishing it would be refused. Start again from v${current.version} or compare first.`}
        </p>
      )}
      <label class="block">
        Definition (JSON)
        <textarea
          class="draft definition-json"
          name="definition"
          spellcheck={false}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {'words' in parsed && parsed.words ? (
        <details>
          <summary>The draft in words</summary>
          <DefinitionWords words={parsed.words} label="The draft in words" />
        </details>
      ) : (
        <p class="problem">{`Not valid JSON yet: ${parsed.error}`}</p>
      )}
      <label>
        Note for the history
        <input
          type="text"
          name="note"
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="button" class="act" onClick={save}>
          Save draft
        </button>
        <button type="button" class="act" onClick={preview}>
          Preview impact
        </button>
        <button type="button" class="act primary" onClick={publish}>
          Publish (admin)
        </button>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {impact && <ImpactView impact={impact} />}
    </section>
  );
}

/** The MQL definition: the current version in words, its history and diffs, and the editor. */
export function DefinitionPage() {
  const { data, failed, reload } = useLoad(
    () =>
      Promise.all([
        api<Definition>('GET', '/api/mql'),
        api<{ version: number; words: DefinitionInWords }>('GET', '/api/mql/words'),
        api<VersionSummary[]>('GET', '/api/mql/versions'),
      ]),
    [],
  );
  if (!data)
    return (
      <>
        <h2>MQL definition</h2>
        <Loading failed={failed} />
      </>
    );
  const [current, words, versions] = data;
  return (
    <>
      <h2>MQL definition</h2>
      <section class="card" aria-labelledby="current-title">
        <h3 id="current-title">{`Version ${current.version}: ${current.name}`}</h3>
        <p class="muted">
          {`Published ${current.publishedAt.slice(0, 16).replace('T', ' ')} by ${current.author}${current.note ? `: ${current.note}` : ''}`}
        </p>
        <DefinitionWords words={words.words} label={`Version ${current.version} in words`} />
      </section>
      <Editor key={current.version} current={current} onPublished={reload} />
      <History versions={versions} />
    </>
  );
}
