/**
 * Where model files and their records live: a folder under the data directory on a laptop, the
 * `models/` prefix of the export bucket on AWS. Keys are relative to that place.
 */
export interface ModelStore {
  /** Writes only when nothing is there yet (versions are immutable); false when the key exists. */
  create(key: string, body: string): Promise<boolean>;
  /** Replaces a mutable record (the promoted pointer). */
  replace(key: string, body: string): Promise<void>;
  /** The object's text, or undefined when there is none. */
  read(key: string): Promise<string | undefined>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
}
