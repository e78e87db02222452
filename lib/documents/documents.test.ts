import { describe, expect, it } from "vitest";
import { readPdf } from "@/tests/helpers/pdf-text";
import {
  dataTable,
  documentDefinition,
  keyValueTable,
  paragraph,
  printable,
  renderPdf,
  section,
  signatureBlocks,
  title,
  type Content,
} from ".";
import { PAGE } from "./theme";

const createdAt = new Date("2026-03-01T09:30:00Z");

function definition(content: Content[], runningHeader?: string) {
  return documentDefinition({
    title: "Test document",
    subject: "Layout",
    createdAt,
    service: "test",
    footer: "Test footer",
    runningHeader,
    content,
  });
}

describe("printable", () => {
  it("keeps what the standard fonts draw and replaces the rest", () => {
    expect(printable("Café, naïve – 5 € • “quoted” ‘single’")).toBe("Café, naïve – 5 € • \"quoted\" 'single'");
    expect(printable("Wanjirũ Ŋugi")).toBe("Wanjiru ?ugi");
    expect(printable("王小明 😀")).toBe("??? ?");
    expect(printable("a → b\r\nc\td")).toBe("a -> b\nc d");
  });
});

describe("renderPdf", () => {
  it("breaks a long table across pages, repeating its header row, with page numbers on every page", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`Row ${i + 1}`, `Item ${i + 1}`, `${(i + 1) * 10}.00`]);
    const pdf = await renderPdf(
      definition(
        [
          title("Long table", "A subtitle"),
          section("Rows", [
            dataTable(
              [
                { header: "Label", width: 30 },
                { header: "Description", width: 50 },
                { header: "Amount", width: 20, align: "right" },
              ],
              rows,
            ),
          ]),
        ],
        "Long table (continued)",
      ),
    );
    const { pages, info } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toMatch(/Label\s+Description\s+Amount/);
      expect(page).toContain("Test footer");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      // The running header is on every page but the first.
      expect(page.includes("Long table (continued)")).toBe(i > 0);
    });
    const all = pages.join("\n");
    for (const n of [1, 75, 150]) expect(all.match(new RegExp(`Row ${n}\\s+Item ${n}\\s`, "g"))).toHaveLength(1);
    expect(info).toMatchObject({
      Title: "Test document",
      Author: "Harambee",
      Subject: "Layout",
      Creator: "Harambee",
      Producer: "Harambee test service",
    });
    expect(info.CreationDate).toBe("D:20260301093000Z");
  });

  it("writes an empty-table row, a total row, fields and signature blocks", async () => {
    const columns = [
      { header: "Description", width: 70 },
      { header: "Amount", width: 30, align: "right" as const },
    ];
    const { pages } = await readPdf(
      await renderPdf(
        definition([
          keyValueTable([
            ["Billed to", "Elimu Bora Foundation"],
            ["Status", "PAID"],
          ]),
          dataTable(columns, [], { emptyText: "None in this period." }),
          dataTable(columns, [["Tuition", "$10.00"]], { totalRow: ["Total", "$10.00"] }),
          signatureBlocks([
            { heading: "For the brand", name: "Amani", dateLine: "Date: ____" },
            { heading: "The creator", name: "Njeri", signedName: "Njeri", dateLine: "Signed electronically" },
          ]),
        ]),
      ),
    );
    expect(pages).toHaveLength(1);
    for (const text of [
      "Billed to Elimu Bora Foundation",
      "None in this period.",
      "Tuition $10.00",
      "Total $10.00",
      "Name: Amani",
      "Signed electronically",
    ]) {
      expect(pages[0]).toContain(text);
    }
  });

  it("draws names the fonts lack as look-alikes without failing, and leaves the definition untouched", async () => {
    const content: Content[] = [title("Ripoti ya Wanjirũ 王"), paragraph("Emoji 😀 and “quotes”.")];
    const input = definition(content);
    const before = JSON.stringify(input);
    const text = (await readPdf(await renderPdf(input))).pages[0];
    expect(text).toContain("Ripoti ya Wanjiru ?");
    expect(text).toContain('Emoji ? and "quotes".');
    expect(JSON.stringify(input)).toBe(before);
  });

  it("renders the same bytes for the same definition", async () => {
    const make = () => renderPdf(definition([title("Same"), paragraph("Twice.")]));
    const [a, b] = await Promise.all([make(), make()]);
    expect(a.equals(b)).toBe(true);
  });

  it("moves a heading that would end a page to the next one", async () => {
    const innerHeight = PAGE.height - PAGE.margins[1] - PAGE.margins[3];
    const filler: Content = { canvas: [{ type: "rect", x: 0, y: 0, w: 10, h: innerHeight - 60 }] };
    const { pages } = await readPdf(await renderPdf(definition([filler, section("Next section", [paragraph("Its first paragraph.")])])));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain("Next section");
    expect(pages[1]).toContain("Next section");
  });
});
