/**
 * Building blocks for documents: each returns pdfmake content in the house style, so a
 * document is a list of blocks and never positions anything by hand.
 */
import type { Alignment, Content, Column as LayoutColumn, Size, TableCell } from "pdfmake/interfaces";
import { COLORS, CONTENT_WIDTH, SIZES } from "./theme";

/** The document's title, with optional lines under it, and a rule. */
export function title(text: string, ...subtitles: Array<string | Content>): Content {
  return {
    stack: [
      { text, style: "title" },
      ...subtitles.map((line): Content => (typeof line === "string" ? { text: line, style: "subtitle" } : line)),
      rule(),
    ],
  };
}

/** A thin full-width line. */
export function rule(margin: [number, number, number, number] = [0, 6, 0, 8]): Content {
  return { canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule }], margin };
}

/** A section heading; it moves to the next page rather than end one on its own. */
export function heading(text: string): Content {
  return { text, style: "heading", headlineLevel: 1 };
}

export interface SectionOptions {
  /** Keep the whole section on one page (for short sections such as signatures). */
  keepTogether?: boolean;
}

export function section(headingText: string, body: Content[], options: SectionOptions = {}): Content {
  const blocks = [heading(headingText), ...body];
  return options.keepTogether ? { stack: blocks, unbreakable: true } : { stack: blocks };
}

export function paragraph(text: string | Content[]): Content {
  return { text, style: "paragraph" };
}

/** Small italic text for explanations and empty states. */
export function note(text: string): Content {
  return { text, style: "note" };
}

/** Label/value lines with the labels in a fixed column. */
export function keyValueTable(rows: Array<[string, string]>, options: { labelWidth?: number; fontSize?: number } = {}): Content {
  return {
    table: {
      widths: [options.labelWidth ?? 122, "*"],
      dontBreakRows: true,
      body: rows.map(([label, value]): TableCell[] => [{ text: label, style: "label" }, { text: value }]),
    },
    layout: "fields",
    fontSize: options.fontSize ?? SIZES.body,
    margin: [0, 0, 0, 8],
  };
}

export interface Column {
  header: string;
  /** A relative width: each column gets its share of the page width. */
  width: number;
  align?: Extract<Alignment, "left" | "right">;
}

export interface DataTableOptions {
  /** Shown as the only row when there are none. */
  emptyText?: string;
  /** A last row in bold, e.g. a total. */
  totalRow?: string[];
  fontSize?: number;
}

/**
 * A table with a shaded header row that repeats at the top of every page it runs onto.
 * Rows are never split across pages.
 */
export function dataTable(columns: Column[], rows: string[][], options: DataTableOptions = {}): Content {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths: Size[] = columns.map((column) => `${((column.width / total) * 100).toFixed(4)}%` as Size);
  const cell = (text: string, i: number, style?: string): TableCell => ({ text, alignment: columns[i].align ?? "left", style });
  const body: TableCell[][] = [columns.map((column, i) => cell(column.header, i, "tableHeader"))];
  if (rows.length === 0 && options.emptyText) {
    body.push([{ text: options.emptyText, style: "tableEmpty", colSpan: columns.length }, ...columns.slice(1).map((): TableCell => ({}))]);
  }
  for (const row of rows) body.push(row.map((text, i) => cell(text, i)));
  if (options.totalRow) body.push(options.totalRow.map((text, i) => cell(text, i, "tableTotal")));
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: "data",
    fontSize: options.fontSize ?? SIZES.table,
    margin: [0, 0, 0, 10],
  };
}

/** Headline figures as shaded tiles, `perRow` to a row. */
export function figureTiles(items: Array<[string, string]>, perRow = 4): Content {
  const rows: TableCell[][] = [];
  for (let i = 0; i < items.length; i += perRow) {
    const tiles = items.slice(i, i + perRow).map(([label, value]): TableCell => ({
      stack: [
        { text: label, style: "figureLabel" },
        { text: value, style: "figureValue" },
      ],
    }));
    while (tiles.length < perRow) tiles.push({ text: "", fillColor: COLORS.white });
    rows.push(tiles);
  }
  return {
    stack: rows.map((row): Content => ({
      table: { widths: Array.from({ length: perRow }, () => "*"), body: [row], dontBreakRows: true },
      layout: "tiles",
      margin: [0, 0, 0, 8],
    })),
    margin: [0, 0, 0, 2],
  };
}

export interface Signature {
  heading: string;
  /** Printed under the line. */
  name: string;
  /** Given once signed: shown in italics over the line, which is otherwise left blank to sign by hand. */
  signedName?: string;
  /** Under the name: when and how it was signed, or a blank to fill in. */
  dateLine: string;
}

/** Signature blocks side by side, each with a line to sign on. */
export function signatureBlocks(signatures: Signature[]): Content {
  const gap = 24;
  const width = (CONTENT_WIDTH - gap * (signatures.length - 1)) / signatures.length;
  return {
    columns: signatures.map((signature): LayoutColumn => ({
      width,
      stack: [
        { text: signature.heading, style: "label", margin: [0, 0, 0, 16] },
        { text: signature.signedName ?? " ", italics: true, fontSize: 14, margin: [0, 0, 0, 2] },
        { canvas: [{ type: "line", x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.75, lineColor: COLORS.text }] },
        { text: `Name: ${signature.name}`, fontSize: SIZES.small, margin: [0, 5, 0, 2] },
        { text: signature.dateLine, fontSize: SIZES.small, color: COLORS.muted },
      ],
    })),
    columnGap: gap,
    margin: [0, 8, 0, 0],
  };
}

/** Content that must not be split across pages, e.g. a chart with its title. */
export function keepTogether(...content: Content[]): Content {
  return { stack: content, unbreakable: true };
}
