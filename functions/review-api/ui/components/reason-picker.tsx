import { useEffect, useRef, useState } from 'preact/hooks';

/** Preset reasons per decision; the first is pre-filled, all are editable before Enter. */
export const PRESET_REASONS: Record<string, string[]> = {
  mql: ['Clear buying intent in the post', 'Evaluating tools like ours', 'Right role at a target company'],
  nurture: ['Interested, but not buying yet', 'Right role, no intent yet', 'Asks a question, no project'],
  disqualified: ['Vendor or competitor account', 'Not our market', 'Spam or bot'],
};

export const DECISION_LABEL: Record<string, string> = {
  mql: 'Qualify',
  nurture: 'Nurture',
  disqualified: 'Disqualify',
};

/**
 * The reason for a decision: pre-filled with the first preset, ↑/↓ cycles the presets, any text
 * may be typed; Enter confirms and Esc cancels (so a whole decision is three keys).
 */
export function ReasonPicker({
  to,
  onConfirm,
  onCancel,
}: {
  to: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const presets = PRESET_REASONS[to] ?? [];
  const [reason, setReason] = useState(presets[0] ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const cycle = (step: number) => {
    const i = presets.indexOf(reason);
    setReason(presets[(i + step + presets.length) % presets.length] ?? reason);
  };
  return (
    <fieldset class="picker">
      <legend class="sr-only">{`${DECISION_LABEL[to]}: reason`}</legend>
      <label>
        {`${DECISION_LABEL[to]} because`}{' '}
        <input
          ref={input}
          type="text"
          aria-label="reason"
          maxLength={500}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onConfirm(reason);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              cycle(e.key === 'ArrowDown' ? 1 : -1);
            }
            e.stopPropagation();
          }}
        />
      </label>
      <span class="presets">
        {presets.map((p) => (
          <button
            type="button"
            class="act chip"
            key={p}
            onClick={() => setReason(p)}
            aria-pressed={p === reason}
          >
            {p}
          </button>
        ))}
      </span>
      <button type="button" class="act primary" onClick={() => onConfirm(reason)}>
        Confirm (Enter)
      </button>
      <button type="button" class="act" onClick={onCancel}>
        Cancel (Esc)
      </button>
    </fieldset>
  );
}
