/**
 * Files in the renderer: it has no filesystem, so bytes travel to and from main as base64 through IPC.
 * Downloads use a blob: URL and an <a download> (Chromium and Electron both show their save flow).
 */

/** Reads a picked or dropped File as base64. */
export async function fileToBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let s = '';
  // Chunked: String.fromCharCode(...all) overflows the call stack on large files.
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}

/** base64 from main → a blob: URL (an <iframe> preview, a download link). Revoke it when done. */
export function base64ToBlobUrl(base64: string, mimeType: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}

function offer(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Speichern unter" for bytes from main. */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  offer(base64ToBlobUrl(base64, mimeType), fileName);
}

/** "Speichern unter" for text made in the renderer (tracking-upload files). */
export function downloadText(fileName: string, content: string, mimeType = 'text/plain;charset=utf-8'): void {
  offer(URL.createObjectURL(new Blob([content], { type: mimeType })), fileName);
}
