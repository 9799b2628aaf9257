/**
 * Where exports go for another system to collect: an S3 bucket on AWS, a folder on a laptop. The
 * export's own watermark lives beside its files, so the exporter needs no write access to the
 * lead table.
 */
export interface ExportFiles {
  write(name: string, body: string, contentType: string): Promise<void>;
  /** The file's text, or undefined when there is no such file. */
  read(name: string): Promise<string | undefined>;
}
