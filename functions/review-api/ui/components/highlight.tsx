/**
 * Splits a text into plain parts and the parts that match one of the phrases (case-insensitive),
 * returned as strings for text nodes: the caller renders matches in <mark>. Nothing here builds
 * markup, so whatever a post says stays text.
 */
export function splitHighlights(text: string, phrases: readonly string[]): { text: string; hit: boolean }[] {
  const wanted = phrases.map((p) => p.trim().toLowerCase()).filter((p) => p.length > 0);
  if (!wanted.length) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let bestLen = 0;
    for (const p of wanted) {
      const i = lower.indexOf(p, at);
      if (i >= 0 && (best < 0 || i < best || (i === best && p.length > bestLen))) {
        best = i;
        bestLen = p.length;
      }
    }
    if (best < 0) break;
    if (best > at) parts.push({ text: text.slice(at, best), hit: false });
    parts.push({ text: text.slice(best, best + bestLen), hit: true });
    at = best + bestLen;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/**
 * The post with the rules' matches in <mark> and, apart from them, the words the intent model
 * leaned on in <mark class="cue">: a reviewer tells "the definition matched this phrase" from
 * "the model read this as intent". A rule match wins where both mark the same words.
 */
export function Highlighted({
  text,
  phrases,
  cues = [],
}: {
  text: string;
  phrases: readonly string[];
  cues?: readonly string[];
}) {
  return (
    <>
      {splitHighlights(text, phrases).map((p, i) =>
        p.hit ? (
          <mark key={i}>{p.text}</mark>
        ) : (
          splitHighlights(p.text, cues).map((q, j) =>
            q.hit ? (
              <mark key={`${i}.${j}`} class="cue" title="the intent model leaned on this">
                {q.text}
              </mark>
            ) : (
              q.text
            ),
          )
        ),
      )}
    </>
  );
}
