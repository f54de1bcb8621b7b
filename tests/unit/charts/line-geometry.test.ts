import { describe, expect, it } from "vitest";
import { linePoints, niceStep, shownLabels, xAt, yAt, yTicks, type PlotBox } from "~/components/charts/line-geometry";

// Inner plot 100 × 100 from (10, 10): positions can be checked by hand.
const box: PlotBox = { width: 120, height: 130, left: 10, right: 10, top: 10, bottom: 20 };

describe("line chart axes", () => {
  it("picks round steps", () => {
    expect(niceStep(100)).toBe(50);
    expect(niceStep(8)).toBe(2);
    expect(niceStep(37)).toBe(10);
    expect(niceStep(0)).toBe(1);
  });

  it("runs the ticks from 0 to a round value at or above the largest", () => {
    expect(yTicks([3, 7.5])).toEqual([0, 2, 4, 6, 8]);
    expect(yTicks([63.4, 120])).toEqual([0, 50, 100, 150]);
    expect(yTicks([])).toEqual([0, 1]);
    expect(yTicks([0.4])).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it("spaces points evenly, each in the middle of its band", () => {
    expect(xAt(box, 0, 1)).toBe(60);
    expect(xAt(box, 0, 4)).toBe(22.5);
    expect(xAt(box, 3, 4)).toBe(97.5);
  });

  it("puts 0 at the bottom and the top tick at the top, clamping outside values", () => {
    expect(yAt(box, 0, 50)).toBe(110);
    expect(yAt(box, 50, 50)).toBe(10);
    expect(yAt(box, 25, 50)).toBe(60);
    expect(yAt(box, 80, 50)).toBe(10);
    expect(yAt(box, 3, 0)).toBe(110);
  });

  it("joins the values", () => {
    expect(linePoints(box, [0, 50], 50)).toBe("35,110 85,10");
  });

  it("prints as many dates as fit without overlapping", () => {
    expect(shownLabels(box, 2, 40)).toEqual([0, 1]);
    expect(shownLabels(box, 10, 25)).toEqual([0, 3, 6, 9]);
  });
});
