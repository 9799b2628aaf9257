import type { MqlDefinition } from './mql-definition.ts';

type Rule = { id: string } & Record<string, unknown>;

const sections = ['fit', 'intent', 'disqualifiers', 'adjustments'] as const;

/** An absent limit reads "none", so removing a cap is as visible as adding one. */
const shown = (v: number | boolean | undefined) => (v === undefined ? 'none' : String(v));

function show(rule: Record<string, unknown>): string {
  const { id: _id, ...rest } = rule;
  return JSON.stringify(rest);
}

function changedFields(a: Rule, b: Rule): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'id');
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`);
}

/**
 * A reviewable diff between two definitions, one line per change, so sales and marketing can
 * see exactly what a new version changes before and after it is published.
 */
export function diffDefinitions(from: MqlDefinition, to: MqlDefinition): string[] {
  const lines: string[] = [];
  if (from.halfLifeDays !== to.halfLifeDays)
    lines.push(`~ halfLifeDays ${from.halfLifeDays} -> ${to.halfLifeDays}`);
  for (const key of ['mql', 'reviewFloor', 'requireIntent', 'minFit', 'minIntent'] as const) {
    if (from.thresholds[key] !== to.thresholds[key])
      lines.push(`~ thresholds.${key} ${shown(from.thresholds[key])} -> ${shown(to.thresholds[key])}`);
  }
  for (const group of ['fit', 'intent', 'engagement'] as const) {
    const [a, b] = [from.caps?.[group], to.caps?.[group]];
    if (a !== b) lines.push(`~ caps.${group} ${shown(a)} -> ${shown(b)}`);
  }
  for (const letter of ['A', 'B', 'C'] as const) {
    const [a, b] = [from.fitGrades?.[letter], to.fitGrades?.[letter]];
    if (a !== b) lines.push(`~ fitGrades.${letter} ${shown(a)} -> ${shown(b)}`);
  }
  for (const section of sections) {
    const before = new Map((from[section] as Rule[]).map((r) => [r.id, r]));
    const after = new Map((to[section] as Rule[]).map((r) => [r.id, r]));
    for (const [id, rule] of before) if (!after.has(id)) lines.push(`- ${section} ${id} ${show(rule)}`);
    for (const [id, rule] of after) {
      const old = before.get(id);
      if (!old) lines.push(`+ ${section} ${id} ${show(rule)}`);
      else for (const change of changedFields(old, rule)) lines.push(`~ ${section} ${id} ${change}`);
    }
  }
  return lines;
}
