import { FileRefused } from './refused';
import { checkFileSize } from './limits';

/** The bytes of a file sent as base64 (the contract checked the alphabet), refused when empty or too big. */
export function bytesFromBase64(contentBase64: string, fileName: string, maxBytes?: number): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0 && contentBase64.length > 0) throw new FileRefused(`${fileName} could not be decoded (its base64 is not valid).`);
  checkFileSize(bytes.length, fileName, maxBytes);
  return bytes;
}
