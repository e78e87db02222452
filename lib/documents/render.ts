/**
 * Turns a pdfmake document definition into PDF bytes. Documents are built from the
 * blocks in blocks.ts and wrapped by `documentDefinition`, which applies the theme.
 * For the same definition the bytes are identical: the dates come from the metadata and
 * only the standard fonts are used.
 */
import pdfmake from "pdfmake";
import type { Content, Node, NodeQueries, TDocumentDefinitions } from "pdfmake/interfaces";
import { printableTree } from "./text";
import {
  DEFAULT_STYLE,
  documentInfo,
  FONTS,
  HEADING_KEEP_WITH,
  PAGE,
  pageFooter,
  pageHeader,
  STYLES,
  TABLE_LAYOUTS,
  type DocumentInfoInput,
} from "./theme";

const STANDARD_FONT_FILES = new Set(Object.values(FONTS).flatMap((family) => Object.values(family) as string[]));

// Documents are made from data alone: no images or fonts are fetched from URLs, and the
// only "files" read are the metrics of the standard fonts that pdfkit ships.
pdfmake.setFonts(FONTS);
pdfmake.setTableLayouts(TABLE_LAYOUTS);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_FILES.has(path));

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  // Every string is made drawable by the standard fonts; this also leaves the caller's
  // definition untouched, which pdfmake would otherwise annotate while laying it out.
  const printableDefinition = printableTree(definition);
  const buffer = await pdfmake.createPdf(printableDefinition).getBuffer();
  return Buffer.from(buffer);
}

/** Moves a heading to the next page when too little room is left under it. */
function keepHeadingsWithContent(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel !== 1) return false;
  const { startPosition } = node;
  const roomLeft = startPosition.pageInnerHeight * (1 - startPosition.verticalRatio);
  return roomLeft < HEADING_KEEP_WITH || queries.getFollowingNodesOnPage().length === 0;
}

export interface DocumentDefinitionInput extends DocumentInfoInput {
  content: Content[];
  /** Shown on the left of every page's footer, beside "Page x of y". */
  footer: string;
  /** Shown at the top of every page after the first. */
  runningHeader?: string;
  /** Deflate page content (the default). */
  compress?: boolean;
}

/** A complete definition in the house style. */
export function documentDefinition(input: DocumentDefinitionInput): TDocumentDefinitions {
  return {
    pageSize: PAGE.size,
    pageMargins: PAGE.margins,
    compress: input.compress ?? true,
    info: documentInfo(input),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    header: input.runningHeader ? pageHeader(input.runningHeader) : undefined,
    footer: pageFooter(input.footer),
    pageBreakBefore: keepHeadingsWithContent,
    content: input.content,
  };
}
