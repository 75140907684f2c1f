/**
 * The one error of the file layer: the file cannot be read, and the message says what the file is
 * and what to do. Every importer lets it through; the dispatcher's caller maps it once (toHubdesk).
 */
export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefused';
  }
}
