/**
 * Reads PDFs the way a viewer does (pdf.js), so tests check what a person would see
 * rather than how the bytes happen to be laid out.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

export interface PdfContent {
  /** The text of each page as pdf.js reads it: the pieces of a line separated by spaces, lines by "\n". */
  pages: string[];
  /** Title, Author, Subject, Creator, Producer, ... from the document information. */
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of the array it is given: pass a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      let text = "";
      for (const item of items as TextItem[]) {
        if (typeof item.str !== "string") continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(text.replace(/[ \t]+\n/g, "\n").trim());
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** All the text of a PDF, page after page. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await readPdf(pdf)).pages.join("\n");
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return (await readPdf(pdf)).pages.length;
}
