/** Reads a dropped or chosen file as base64, reporting progress (0–1) for large files. */
export function readFileBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** A file the person chose, as the import methods take it. */
export interface LoadedFile {
  fileName: string;
  contentBase64: string;
}

/** Reads a chosen file for an import; an empty file, or one over the import's limit, is refused with a message saying so. */
export async function loadChosenFile(file: File, maxBytes: number, onProgress: (fraction: number) => void): Promise<LoadedFile> {
  if (file.size === 0) throw new Error(`${file.name} is empty: there is nothing in it to import. Choose the file again, or check it was saved.`);
  if (file.size > maxBytes) throw new Error(`${file.name} is larger than ${maxBytes / 1024 / 1024} MB, the most this import takes.`);
  return { fileName: file.name, contentBase64: await readFileBase64(file, onProgress) };
}
