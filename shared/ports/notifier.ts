import type { MqlNotice } from '../domain/mql-notice.ts';
import type { WonDigest } from '../domain/won-digest.ts';

/** Tells sales about new MQLs (a chat webhook on AWS; nothing when none is configured). */
export interface Notifier {
  notifyMqls(notices: readonly MqlNotice[]): Promise<void>;
  /** The weekly digest of customers won: names, companies, deals, sources; never post text or bios. */
  notifyWonDigest(digest: WonDigest): Promise<void>;
}
