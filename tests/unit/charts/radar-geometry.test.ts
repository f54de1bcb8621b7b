import { describe, expect, it } from "vitest";
import {
  axisAngle,
  axisLabels,
  gridRings,
  pointOnAxis,
  polygonPoints,
  radiusFor,
  textEms,
  wrapLabel,
  type RadarBox,
} from "~/components/charts/radar-geometry";

// A square box with round numbers, so the expected points can be worked out by hand.
const box: RadarBox = { width: 200, height: 200, cx: 100, cy: 100, radius: 50, labelGap: 10 };

describe("radar axes", () => {
  it("starts at the top and goes clockwise", () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(axisAngle(1, 4)).toBeCloseTo(0);
    expect(axisAngle(2, 4)).toBeCloseTo(Math.PI / 2);
    expect(axisAngle(3, 4)).toBeCloseTo(Math.PI);
    // Eleven indicators: equal steps of 360/11 degrees.
    expect(axisAngle(1, 11) - axisAngle(0, 11)).toBeCloseTo((2 * Math.PI) / 11);
  });

  it("places points up, right, down and left for four axes (y grows downwards)", () => {
    expect(pointOnAxis(box, 0, 4, 50)).toEqual({ x: 100, y: 50 });
    expect(pointOnAxis(box, 1, 4, 50)).toEqual({ x: 150, y: 100 });
    expect(pointOnAxis(box, 2, 4, 50)).toEqual({ x: 100, y: 150 });
    expect(pointOnAxis(box, 3, 4, 50)).toEqual({ x: 50, y: 100 });
  });
});

describe("radar values", () => {
  it("scales a value to the radius and keeps it inside 0…max", () => {
    expect(radiusFor(box, 5, 5)).toBe(50);
    expect(radiusFor(box, 2, 5)).toBe(20);
    expect(radiusFor(box, 7, 5)).toBe(50);
    expect(radiusFor(box, -1, 5)).toBe(0);
  });

  it("draws nothing observed at the centre", () => {
    expect(radiusFor(box, null, 5)).toBe(0);
    expect(polygonPoints(box, [null, 5, null, 5], 5)).toBe("100,100 150,100 100,100 50,100");
  });

  it("joins one point per axis", () => {
    expect(polygonPoints(box, [5, 5, 5, 5], 5)).toBe("100,50 150,100 100,150 50,100");
    expect(polygonPoints(box, [1, 2, 3, 4], 5)).toBe("100,90 120,100 100,130 60,100");
    // Three axes: 120 degrees apart, the second at 30 degrees below the horizontal on the right.
    const [, second] = polygonPoints(box, [5, 5, 5], 5).split(" ");
    expect(second).toBe(`${Math.round((100 + 50 * Math.cos(Math.PI / 6)) * 10) / 10},125`);
  });

  it("has one grid ring per whole level", () => {
    const rings = gridRings(box, 4, 5);
    expect(rings).toHaveLength(5);
    expect(rings[0]).toBe("100,90 110,100 100,110 90,100");
    expect(rings[4]).toBe(polygonPoints(box, [5, 5, 5, 5], 5));
  });
});

describe("radar labels", () => {
  it("measures CJK characters as one em and Latin ones narrower", () => {
    expect(textEms("能力")).toBe(2);
    expect(textEms("ab")).toBeCloseTo(1.12);
  });

  it("keeps a short label on one line and wraps a long one in two", () => {
    expect(wrapLabel("Teamwork")).toEqual(["Teamwork"]);
    expect(wrapLabel("Offering the right product or service")).toEqual(["Offering the right", "product or service"]);
    expect(wrapLabel("提供适合产品或服务的能力")).toEqual(["提供适合产品", "或服务的能力"]);
    expect(wrapLabel("团队协作能力")).toEqual(["团队协作能力"]);
    expect(wrapLabel("Self-motivation-and-more")).toEqual(["Self-motivation-and-more"]);
  });

  it("anchors labels away from the chart on each side", () => {
    const labels = axisLabels(box, ["top", "right", "bottom", "left"]);
    expect(labels.map((l) => l.anchor)).toEqual(["middle", "start", "middle", "end"]);
    expect(labels[0]).toMatchObject({ x: 100, y: 40 });
    expect(labels[1]).toMatchObject({ x: 160, y: 100 });
    expect(labels[3]).toMatchObject({ x: 40, y: 100 });
    // Above the chart a two-line label grows upwards; below it, downwards.
    const two = axisLabels(box, [
      "Offering the right product or service",
      "x",
      "Offering the right product or service",
      "y",
    ]);
    expect(two[0]!.firstLineShift).toBe(-1);
    expect(two[2]!.firstLineShift).toBeGreaterThan(0);
  });

  it("keeps every label of the eleven indicators inside the default box, on any axis", async () => {
    const { RADAR_BOX } = await import("~/components/charts/radar-geometry");
    const { COMPETENCY_LABELS } = await import("~/content/competencies");
    const texts = Object.values(COMPETENCY_LABELS);
    for (const lang of ["zh", "en"] as const)
      for (let turn = 0; turn < texts.length; turn++) {
        const order = [...texts.slice(turn), ...texts.slice(0, turn)];
        const labels = axisLabels(
          RADAR_BOX,
          order.map((l) => l[lang]),
        );
        for (const l of labels) {
          const width = Math.max(...l.lines.map(textEms)) * 13;
          const left = l.anchor === "end" ? l.x - width : l.anchor === "middle" ? l.x - width / 2 : l.x;
          expect(left, `${l.lines.join(" ")} (${lang})`).toBeGreaterThanOrEqual(0);
          expect(left + width, `${l.lines.join(" ")} (${lang})`).toBeLessThanOrEqual(RADAR_BOX.width);
          const lines = l.lines.length;
          expect(l.y + (l.firstLineShift - 1) * 13, l.lines[0]).toBeGreaterThanOrEqual(0);
          expect(l.y + (l.firstLineShift + (lines - 1) * 1.1 + 0.3) * 13, l.lines[0]).toBeLessThanOrEqual(
            RADAR_BOX.height,
          );
        }
      }
  });
});
