import { describe, expect, it } from "vitest";
import { canonicalRow, columnKind, dependencyOrder, toTargetValue, type Column } from "~/lib/db/copy/canonical";

const cols: Column[] = [
  { name: "id", kind: "other", text: false },
  { name: "active", kind: "bool", text: false },
  { name: "at", kind: "date", text: false },
  { name: "secret", kind: "bytes", text: false },
];

describe("canonical rows", () => {
  it("serialise a SQLite row and its PostgreSQL twin to the same text", () => {
    const sqlite = { id: 7, active: 1, at: "2026-11-29T22:24:47.478+00:00", secret: Buffer.from([1, 255]) };
    const postgres = { id: 7, active: true, at: "2026-11-29 22:24:47.478", secret: Buffer.from([1, 255]) };
    expect(canonicalRow(cols, sqlite)).toBe('[7,1,"2026-11-29T22:24:47.478Z","01ff"]');
    expect(canonicalRow(cols, postgres)).toBe(canonicalRow(cols, sqlite));
    expect(canonicalRow(cols, { ...postgres, active: false })).not.toBe(canonicalRow(cols, sqlite));
  });

  it("write values the way each engine keeps them", () => {
    expect(toTargetValue("bool", 1, "postgres")).toBe(true);
    expect(toTargetValue("bool", 0, "sqlite")).toBe(0);
    expect(toTargetValue("date", "2026-11-29T22:24:47.478Z", "sqlite")).toBe("2026-11-29T22:24:47.478+00:00");
    expect(toTargetValue("date", "2026-11-29T22:24:47.478Z", "postgres")).toBe("2026-11-29T22:24:47.478Z");
  });

  it("read the declared types of both engines", () => {
    expect(["BOOLEAN", "boolean", "DATETIME", "timestamp without time zone", "BLOB", "bytea"].map(columnKind)).toEqual([
      "bool",
      "bool",
      "date",
      "date",
      "bytes",
      "bytes",
    ]);
  });
});

describe("dependency order", () => {
  it("puts referenced tables first and survives a cycle", () => {
    const refs = new Map([
      ["SessionAttendee", ["TrainingSession", "User"]],
      ["TrainingSession", ["Course", "User"]],
      ["Course", ["CourseVersion"]],
      ["CourseVersion", ["Course"]],
      ["User", ["User"]],
    ]);
    const order = dependencyOrder(["SessionAttendee", "TrainingSession", "Course", "CourseVersion", "User"], refs);
    expect(order).toHaveLength(5);
    const at = (t: string) => order.indexOf(t);
    expect(at("User")).toBeLessThan(at("TrainingSession"));
    expect(at("TrainingSession")).toBeLessThan(at("SessionAttendee"));
    expect(at("Course")).toBeLessThan(at("TrainingSession"));
  });
});
