/**
 * The look shared by every PDF the product makes: page size and margins, fonts, sizes,
 * colours, table layouts, the running header and footer, and the document metadata.
 */
import type {
  Content,
  CustomTableLayout,
  DynamicContent,
  Margins,
  StyleDictionary,
  TDocumentInformation,
  TFontDictionary,
} from "pdfmake/interfaces";

/** The standard PDF fonts: every reader has them, so no font file is embedded. */
export const FONT = "Helvetica";
export const FONTS: TFontDictionary = {
  [FONT]: { normal: "Helvetica", bold: "Helvetica-Bold", italics: "Helvetica-Oblique", bolditalics: "Helvetica-BoldOblique" },
};

export const PAGE = {
  size: "A4" as const,
  width: 595.28,
  height: 841.89,
  /** Left, top, right, bottom; the header and footer are drawn inside the top and bottom margins. */
  margins: [50, 50, 50, 56] as [number, number, number, number],
};

/** The width between the left and right margins. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2];

export const COLORS = {
  text: "#1f2937",
  muted: "#6b7280",
  rule: "#d1d5db",
  grid: "#e5e7eb",
  accent: "#0f766e",
  fill: "#f3f4f6",
  white: "#ffffff",
  series: ["#0f766e", "#14b8a6", "#f59e0b", "#dc2626"],
};

export const SIZES = {
  title: 20,
  subtitle: 10,
  heading: 12,
  chartTitle: 10,
  body: 10,
  small: 9,
  table: 9,
  denseTable: 8,
  figure: 13,
  label: 8,
  chart: 7,
  pageFrame: 7.5,
};

/** Named styles used by the blocks in blocks.ts. */
export const STYLES: StyleDictionary = {
  title: { fontSize: SIZES.title, bold: true, color: COLORS.accent, margin: [0, 0, 0, 3] },
  subtitle: { fontSize: SIZES.subtitle, color: COLORS.muted, margin: [0, 0, 0, 2] },
  heading: { fontSize: SIZES.heading, bold: true, color: COLORS.accent, margin: [0, 10, 0, 5] },
  paragraph: { fontSize: SIZES.body, color: COLORS.text, margin: [0, 0, 0, 6], lineHeight: 1.15 },
  note: { fontSize: SIZES.small, italics: true, color: COLORS.muted, margin: [0, 0, 0, 6] },
  chartTitle: { fontSize: SIZES.chartTitle, bold: true, color: COLORS.text, margin: [0, 8, 0, 4] },
  label: { bold: true, color: COLORS.muted },
  tableHeader: { bold: true, color: COLORS.text },
  tableTotal: { bold: true, color: COLORS.text },
  tableEmpty: { italics: true, color: COLORS.muted },
  figureLabel: { fontSize: SIZES.label, color: COLORS.muted },
  figureValue: { fontSize: SIZES.figure, bold: true, color: COLORS.text, margin: [0, 4, 0, 0] },
  pageFrame: { fontSize: SIZES.pageFrame, color: COLORS.muted },
};

export const DEFAULT_STYLE = { font: FONT, fontSize: SIZES.body, color: COLORS.text, lineHeight: 1.1 };

/** Table layouts by name, registered with pdfmake by renderPdf. */
export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  /** Header row shaded, a thin rule under every row, no vertical lines. */
  data: {
    hLineWidth: (i) => (i === 0 ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => COLORS.rule,
    fillColor: (rowIndex, node) => (rowIndex < (node.table.headerRows ?? 0) ? COLORS.fill : null),
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  /** Label/value lines: no lines at all. */
  fields: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : 8),
    paddingRight: () => 0,
    paddingTop: () => 1.5,
    paddingBottom: () => 1.5,
  },
  /** Shaded tiles with white gaps between them. */
  tiles: {
    hLineWidth: () => 0,
    vLineWidth: (i, node) => (i === 0 || i === node.table.widths!.length ? 0 : 8),
    vLineColor: () => COLORS.white,
    fillColor: () => COLORS.fill,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 6,
    paddingBottom: () => 7,
  },
};

function pageFrameLine(left: string, right: string | null, margin: Margins): Content {
  return {
    columns: [
      { text: left, width: "*" },
      { text: right ?? "", width: "auto", alignment: "right" },
    ],
    columnGap: 12,
    style: "pageFrame",
    margin,
  };
}

/** The footer of every page: what the document is, and "Page x of y". */
export function pageFooter(label: string): DynamicContent {
  return (currentPage, pageCount) => pageFrameLine(label, `Page ${currentPage} of ${pageCount}`, [PAGE.margins[0], 22, PAGE.margins[2], 0]);
}

/** A running header on every page but the first, which carries the title itself. */
export function pageHeader(label: string): DynamicContent {
  return (currentPage) => (currentPage === 1 ? null : pageFrameLine(label, null, [PAGE.margins[0], 24, PAGE.margins[2], 0]));
}

export interface DocumentInfoInput {
  title: string;
  subject?: string;
  /** Used as creation and modification date, so the same input renders the same bytes. */
  createdAt: Date;
  /** What made it, e.g. "invoice": recorded as the PDF's producer. */
  service: string;
}

export function documentInfo(input: DocumentInfoInput): TDocumentInformation {
  return {
    title: input.title,
    author: "Harambee",
    subject: input.subject,
    creator: "Harambee",
    producer: `Harambee ${input.service} service`,
    creationDate: input.createdAt,
    modDate: input.createdAt,
  };
}

/** Room a heading needs below it; one closer to the page end moves to the next page. */
export const HEADING_KEEP_WITH = 90;
