import { readFileSync } from 'node:fs';
import * as z from 'zod';

const LineSchema = z.object({ text: z.string().min(1), label: z.boolean() }).loose();
export type LabelledLine = z.infer<typeof LineSchema>;

/** Reads JSON Lines of `{"text", "label"}`; a bad line fails with its file and line number. */
export function readLabelledJsonl(path: string): LabelledLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${n}: not JSON`);
      }
      const parsed = LineSchema.safeParse(raw);
      if (!parsed.success)
        throw new Error(
          `${path}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}
