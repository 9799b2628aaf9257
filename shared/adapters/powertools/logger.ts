import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '../../ports/log.ts';

/**
 * Structured JSON logs through Powertools, one logger per runtime. LOG_LEVEL and
 * POWERTOOLS_SERVICE_NAME from the environment apply; the default level is INFO.
 */
export function createLogger(serviceName: string): Log {
  const logger = new Logger({ serviceName });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, extra?: Record<string, unknown>) =>
      extra ? logger[level](message, extra) : logger[level](message);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
