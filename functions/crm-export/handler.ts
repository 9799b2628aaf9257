import { buildExportFiles, buildStores } from '../../shared/adapters/build.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { crmExportConfigSchema, loadConfig } from '../../shared/config.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createCrmExportHandler } from './create-handler.ts';

// Composition root: runs once per Lambda cold start.
const config = loadConfig(crmExportConfigSchema);

export const handler = createCrmExportHandler(
  {
    leads: buildStores(config).leads,
    files: buildExportFiles(config),
    clock: systemClock,
    log: createLogger('crm-export'),
  },
  {
    states: config.CRM_EXPORT_STATES,
    format: config.CRM_EXPORT_FORMAT,
    firstExportDays: config.CRM_EXPORT_FIRST_DAYS,
    maxRowsPerFile: 10_000,
    maxFiles: 20,
  },
);
