import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text a PDF shows, page by page (pdf.js reads it as a reader's PDF viewer does), and how many pages it has. */
export async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false });
  const document = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return { pages: document.numPages, text: pages.join('\n') };
}
