import { describe, expect, it } from "vitest";
import { percentAxisFloor } from "~/components/charts/palette";

describe("percentAxisFloor", () => {
  it("starts the axis at a round ten below the lowest value, at most 80", () => {
    expect(percentAxisFloor([96.9, 93.5])).toBe(80);
    expect(percentAxisFloor([71.2, null, 88])).toBe(70);
    expect(percentAxisFloor([9.9])).toBe(0);
    expect(percentAxisFloor([null, null])).toBe(80);
    expect(percentAxisFloor([])).toBe(80);
  });
});
