/** The review queue's keys, as `?` lists them. */
export const REVIEW_KEYS: [string, string][] = [
  ['j / k', 'next / previous card'],
  ['m', 'qualify (MQL): opens the reason picker'],
  ['n', 'nurture: opens the reason picker'],
  ['d', 'disqualify: opens the reason picker'],
  ['↑ / ↓', 'in the picker: other preset reasons'],
  ['Enter / Esc', 'confirm / cancel the reason'],
  ['u', 'undo the last decision (within 5 s)'],
  ['b / v', 'the scoring post is / is not a buying signal'],
  ['o', "open the lead's timeline"],
  ['?', 'show or hide these keys'],
];

export function KeyHelp({ keys, onClose }: { keys: [string, string][]; onClose: () => void }) {
  return (
    <div class="card help" role="dialog" aria-label="Keyboard shortcuts">
      <h3>Keyboard shortcuts</h3>
      <dl>
        {keys.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="act" onClick={onClose}>
        Close (Esc)
      </button>
    </div>
  );
}

/** True when a key press belongs to a text field (or has a modifier), not to the page's shortcuts. */
export function isTyping(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}
