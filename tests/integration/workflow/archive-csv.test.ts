// The archive CSV read back as a spreadsheet would: the course's code (not a session number) under
// the course-code column, who attended, the satisfaction figure, a series value for every row, and
// dates and times as YYYY-MM-DD / HH:mm in the centre's zone.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { openSurveysForDeliveredSession } from "~/surveys/open-survey.server";
import { submitResponse } from "~/surveys/respond.server";
import { surveySummaryForSession } from "~/surveys/summary.server";
import { archiveCsv } from "~/workflow/archive-csv.server";
import { world, type World } from "./helpers";

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

/** The CSV as records keyed by its header. */
async function records(course: number, locale: "zh" | "en") {
  const [header, ...rows] = parseCsv((await archiveCsv({ course }, locale)).body);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

let w: World;
let sessionId: number;
// 2026-11-29 23:30 in Shanghai is 15:30 UTC: the local day differs from the UTC one only by zone.
const STARTS = new Date("2026-11-29T15:30:00.000Z");

beforeAll(async () => {
  w = await world();
  const [a, b, c] = w.agents;
  const s = await db.trainingSession.create({
    data: {
      courseId: w.course.id,
      trainerId: w.trainer.id,
      startsAt: STARTS,
      endsAt: new Date(STARTS.getTime() + 3600_000),
      status: "delivered",
      deliveredAt: new Date(STARTS.getTime() + 3600_000),
      attendees: {
        create: [
          { userId: a.id, attendance: "present" },
          { userId: b.id, attendance: "late" },
          { userId: c.id, attendance: "absent" },
        ],
      },
    },
    select: { id: true },
  });
  sessionId = s.id;
  const opened = await db.$transaction((tx) =>
    openSurveysForDeliveredSession(tx, s.id, { now: new Date(STARTS.getTime() + 2 * 3600_000) }),
  );
  const at = new Date(STARTS.getTime() + 3 * 3600_000);
  for (const [who, overall] of [
    [a, 5],
    [b, 3],
  ] as const)
    expect(
      await submitResponse(
        opened!.surveyId,
        who.id,
        { overall, relevance: 4, helpful: 4, delivery: 4, pace: 4, recommend: 9, comment: "", extra: {} },
        "new",
        at,
      ),
    ).toBe("created");
});

describe("archive CSV", () => {
  it("in Chinese: course code, attendees, satisfaction, a series value, local date and times", async () => {
    const [row] = await records(w.course.id, "zh");
    expect(row).toBeDefined();
    expect(row!["场次编号"]).toBe(String(sessionId));
    expect(row!["课程编号"]).toBe(w.course.slug);
    expect(row!["系列"]).toBe("单课");
    expect(row!["日期"]).toBe("2026-11-29");
    expect(row!["开始"]).toBe("23:30");
    expect(row!["结束"]).toBe("00:30");
    expect(row!["参训人员"]!.split("、").sort()).toEqual(["Agent 1", "Agent 2"]);
    const summary = await surveySummaryForSession(sessionId);
    expect(row!["满意度（%）"]).toBe((summary!.satisfactionRate! * 100).toFixed(1));
  });

  it("in English: the same columns in English, no JavaScript date strings anywhere", async () => {
    const text = (await archiveCsv({ course: w.course.id }, "en")).body;
    expect(text).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d/);
    expect(text).not.toMatch(/GMT|\d{2}:\d{2}:\d{2}/);
    const [row] = await records(w.course.id, "en");
    expect(row!["Course code"]).toBe(w.course.slug);
    expect(row!["Series"]).toBe("Single course");
    expect(row!["Attendees"]!.split(", ").sort()).toEqual(["Agent 1", "Agent 2"]);
    expect(row!["Satisfaction (%)"]).toMatch(/^\d+\.\d$/);
  });

  it("names the series of a course that belongs to one", async () => {
    const series = await db.series.create({
      data: { slug: `s-${w.course.slug}`, titleZh: "投诉系列", titleEn: "Complaints series" },
      select: { id: true },
    });
    await db.course.update({ where: { id: w.course.id }, data: { seriesId: series.id } });
    try {
      const [row] = await records(w.course.id, "en");
      expect(row!["Series"]).toBe("Complaints series");
    } finally {
      await db.course.update({ where: { id: w.course.id }, data: { seriesId: null } });
    }
  });
});
