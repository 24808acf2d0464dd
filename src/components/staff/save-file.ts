/** Hands the browser a CSV file made of these parts as a download (the parts are never joined into one string). */
export function saveCsv(parts: readonly string[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts as string[], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
