import type { DefinitionInWords } from '../../../../shared/domain/definition-in-words.ts';

/** A definition as sentences: the bar first, then each section's rules with their ids. */
export function DefinitionWords({ words, label }: { words: DefinitionInWords; label: string }) {
  return (
    <section class="words" aria-label={label}>
      <ul class="summary">
        {words.summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {words.sections.map((section) => (
        <div key={section.title}>
          <h4>{section.title}</h4>
          <ul class="rules">
            {section.rules.map((r) => (
              <li key={r.id}>
                {r.text} <code class="muted">{r.id}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
