/** A PDF sent as base64 over IPC → a blob: URL the iframe (Öffnen) and the download link (Speichern unter) use. */
export function pdfUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** "Speichern unter": the browser download; Electron shows its save dialog for it. */
export function saveAs(base64: string, fileName: string): void {
  const url = pdfUrl(base64);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
