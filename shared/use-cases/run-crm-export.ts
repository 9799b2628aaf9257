import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { CrmFormat } from '../domain/crm-row.ts';
import type { LeadState } from '../domain/lead-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { ExportFiles } from '../ports/export-files.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { Log } from '../ports/log.ts';
import { exportChangedLeads } from './export-leads.ts';

export interface CrmExportDeps {
  leads: LeadStore;
  files: ExportFiles;
  clock: Clock;
  log: Log;
}

export interface CrmExportSettings {
  states: readonly LeadState[];
  format: CrmFormat;
  /** How far back the very first export starts. */
  firstExportDays: number;
  maxRowsPerFile: number;
  /** Files written per run at most; a backlog continues on the next run. */
  maxFiles: number;
}

const WatermarkSchema = z.object({ since: z.iso.datetime(), cursor: z.string().optional() });
type Watermark = z.infer<typeof WatermarkSchema>;

export class WatermarkError extends Error {
  constructor(name: string, cause: unknown) {
    super(
      `the export watermark ${name} is unreadable (${String(cause)}); fix it, or delete it to start again from firstExportDays back`,
    );
    this.name = 'WatermarkError';
  }
}

/**
 * One folder per column map, so a CRM's import job reads only its own files. A file is named by
 * where its window starts (and a hash of the cursor within it): a run that crashed before saving
 * the watermark redoes the same window into the same name, overwriting rather than duplicating.
 */
function fileName(format: CrmFormat, mark: Watermark): string {
  const start = mark.since.replaceAll(':', '-');
  const part = mark.cursor ? `-${createHash('sha256').update(mark.cursor).digest('hex').slice(0, 12)}` : '';
  return `crm/${format}/leads-${start}${part}.csv`;
}

async function readWatermark(files: ExportFiles, name: string): Promise<Watermark | undefined> {
  const text = await files.read(name);
  if (text === undefined) return undefined;
  try {
    return WatermarkSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new WatermarkError(name, error instanceof z.ZodError ? z.prettifyError(error) : error);
  }
}

/**
 * The scheduled CRM export: every lead in `states` that changed since the last run, as CSV files
 * in one CRM's columns. The watermark is saved only after the file it covers is written, so a
 * crash repeats a window (same file name) and never skips one.
 */
export async function runCrmExport(
  deps: CrmExportDeps,
  settings: CrmExportSettings,
): Promise<{ files: string[]; rows: number; skipped: number; next: Watermark }> {
  const markName = `crm/${settings.format}/watermark.json`;
  let mark = await readWatermark(deps.files, markName);
  if (!mark) {
    // The first window starts "firstExportDays before now", a time that moves: saved before any
    // file, so a first run that crashes is redone from the same start, into the same file name.
    const firstSince = new Date(deps.clock.now().getTime() - settings.firstExportDays * 86_400_000);
    mark = { since: firstSince.toISOString() };
    await deps.files.write(markName, JSON.stringify(mark), 'application/json');
  }
  const written: string[] = [];
  let rows = 0;
  let skipped = 0;
  for (let i = 0; i < settings.maxFiles; i++) {
    const out = await exportChangedLeads(deps, {
      ...mark,
      states: settings.states,
      format: settings.format,
      maxRows: settings.maxRowsPerFile,
    });
    skipped += out.skipped;
    if (out.count > 0) {
      const name = fileName(settings.format, mark);
      await deps.files.write(name, out.csv, 'text/csv; charset=utf-8');
      written.push(name);
      rows += out.count;
    }
    mark = out.next;
    await deps.files.write(markName, JSON.stringify(mark), 'application/json');
    if (!mark.cursor) break;
  }
  if (skipped > 0)
    deps.log.warn('crm export passed over malformed leads', { format: settings.format, skipped });
  deps.log.info('crm export done', { format: settings.format, files: written.length, rows, skipped });
  return { files: written, rows, skipped, next: mark };
}
