/** Saves content the core produced as a file, through the browser's (or Electron's) download. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(fileName: string, text: string, mime = 'text/plain;charset=utf-8'): void {
  saveBlob(fileName, new Blob([text], { type: mime }));
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBase64(fileName: string, base64: string, mime = XLSX_MIME): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(fileName, new Blob([bytes], { type: mime }));
}
