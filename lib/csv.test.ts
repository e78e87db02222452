import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvRow } from "./csv";

describe("csvCell", () => {
  it("quotes fields holding a comma, quote or line break, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  it("prefixes text a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+254700000000")).toBe("'+254700000000");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tleading tab")).toBe("'\tleading tab");
    expect(csvCell("\rleading return")).toBe(`"'\rleading return"`);
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    // Only the start counts.
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers, plain numeric text, booleans and empty values as data", () => {
    expect(csvCell(-7.25)).toBe("-7.25");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell(12n)).toBe("12");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("csvDocument", () => {
  it("writes a header and one CRLF-terminated record per row, without a byte-order mark", () => {
    const file = csvDocument(
      ["name", "amount"],
      [
        ["Amani, W.", 10],
        ["=evil", null],
      ],
    );
    expect(file).toBe('name,amount\r\n"Amani, W.",10\r\n\'=evil,\r\n');
    expect(file.charCodeAt(0)).not.toBe(0xfeff);
    expect(csvRow([])).toBe("\r\n");
  });
});
