import type { MqlNotice } from '../domain/mql-notice.ts';

/** Tells sales about new MQLs (a chat webhook on AWS; nothing when none is configured). */
export interface Notifier {
  notifyMqls(notices: readonly MqlNotice[]): Promise<void>;
}
