import * as z from 'zod';
import {
  type CrmExportDeps,
  type CrmExportSettings,
  runCrmExport,
} from '../../shared/use-cases/run-crm-export.ts';

/** The Scheduler's constant input; nothing in it changes what is exported. */
export const CrmExportEventSchema = z.looseObject({ source: z.string().optional() });

export function createCrmExportHandler(deps: CrmExportDeps, settings: CrmExportSettings) {
  return async (event: unknown) => {
    CrmExportEventSchema.parse(event ?? {});
    const { files, rows, skipped, next } = await runCrmExport(deps, settings);
    return { files, rows, skipped, nextSince: next.since, complete: next.cursor === undefined };
  };
}
