/** A model file that cannot be read: the message names the file, so nobody scores with it by mistake. */
export class CorruptModelFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: not a usable intent model (${reason})`);
    this.name = 'CorruptModelFileError';
  }
}
