/** The document layer: every PDF the product makes is built from these parts. */
export { renderPdf, documentDefinition, type DocumentDefinitionInput } from "./render";
export {
  dataTable,
  figureTiles,
  heading,
  keepTogether,
  keyValueTable,
  note,
  paragraph,
  rule,
  section,
  signatureBlocks,
  title,
  type Column,
  type Signature,
} from "./blocks";
export { axisMax, barChart, lineChart, type Bar, type LinePoint } from "./charts";
export { printable } from "./text";
export { COLORS, CONTENT_WIDTH, FONT, PAGE, SIZES } from "./theme";
export type { Content } from "pdfmake/interfaces";
