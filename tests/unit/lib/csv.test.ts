import { describe, expect, it } from "vitest";
import { csvCell, csvHeaders, csvNumber, csvResponse, csvRow, toCsv } from "~/lib/csv";

describe("CSV writer", () => {
  it("quotes commas, quotes and line breaks, and ends rows with CRLF", () => {
    expect(csvRow(["a,b", 'say "hi"', "two\nlines", "cr\rhere", 3])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\rhere",3\r\n',
    );
    expect(csvRow(["plain", "中文", ""])).toBe("plain,中文,\r\n");
  });
  it("defuses formulas in text but not in numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("a=b")).toBe("a=b");
  });
  it("writes empty cells for missing values and 1/0 for booleans", () => {
    expect(csvRow([null, undefined, Number.NaN, true, false])).toBe(",,,1,0\r\n");
    expect(csvNumber(null)).toBe("");
    expect(csvNumber(12.345, 2)).toBe("12.35");
  });
  it("starts a file with the UTF-8 byte-order mark", () => {
    const text = toCsv(["名字", "n"], [["张三", 1]]);
    expect(text).toBe("\uFEFF名字,n\r\n张三,1\r\n");
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it("names the download for old and new clients and forbids sniffing", async () => {
    const h = csvHeaders("满意度_2026-12.csv");
    expect(h["Content-Type"]).toBe("text/csv; charset=utf-8");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Disposition"]).toBe(
      `attachment; filename="____2026-12.csv"; filename*=UTF-8''%E6%BB%A1%E6%84%8F%E5%BA%A6_2026-12.csv`,
    );
    expect(csvHeaders('a"b.csv')["Content-Disposition"]).toContain('filename="a_b.csv"');
    const res = csvResponse(toCsv(["x"], []), "x.csv");
    expect(res.headers.get("Content-Disposition")).toContain("filename*=UTF-8''x.csv");
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x78, 0x0d, 0x0a]);
  });
});
