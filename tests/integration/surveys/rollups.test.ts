// The dashboard rollups (per day and month × kind, course, series, area, trainer, team) are kept
// in step with every answer, edit and invitation change in the same transaction: after many
// submissions, concurrent ones included, they equal a recount from scratch, and the dashboard's
// figures from them equal the figures added up from the per-survey tally.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { openSurveysForDeliveredSession } from "~/surveys/open-survey.server";
import { parseRange } from "~/surveys/range";
import { submitResponse } from "~/surveys/respond.server";
import { rollup, total } from "~/surveys/rollup";
import { rollupCells } from "~/surveys/rollup-read.server";
import { rebuildRollups } from "~/surveys/rollup-write.server";
import { tallyCells, type SurveyFilter } from "~/surveys/tally.server";
import { at } from "../../fixtures/lists";
import { createTestTeam, createTestUser } from "../../fixtures/users";
import { createCourse, deliveredSession } from "./helpers";

type Row = Record<string, string | number>;

/** Every rollup row that counts anything, in a stable order. */
async function snapshot() {
  const read = (table: string) =>
    db.$queryRawUnsafe<Row[]>(
      `SELECT * FROM "${table}" WHERE "invited" <> 0 OR "responses" <> 0 OR "withheld" <> 0 OR "o1" + "o2" + "o3" + "o4" + "o5" <> 0
       ORDER BY 1, "kind", "courseId", "seriesId", "area", "trainerId", "teamId"`,
    );
  const [day, month] = await Promise.all([read("SurveyDayRollup"), read("SurveyMonthRollup")]);
  const plain = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
  return { day: plain(day), month: plain(month) };
}

const answers = (i: number) => ({
  overall: 1 + (i % 5),
  relevance: 1 + ((i * 3) % 5),
  helpful: 5 - (i % 5),
  delivery: 4,
  pace: 1 + ((i * 7) % 5),
  recommend: (i * 4) % 11,
  comment: i % 4 ? "" : `comment ${i}`,
  extra: {},
});

async function answer(surveyId: number, userId: number, i: number, at: Date, mode: "new" | "edit" = "new") {
  return submitResponse(surveyId, userId, answers(i), mode, at);
}

let teamA: { id: number };
let teamB: { id: number };
let people: { id: number }[];
let trainers: { id: number }[];
let courseIds: number[];

beforeAll(async () => {
  // Whatever the database held before this file: counted once, as the server does on start.
  await rebuildRollups();
  teamA = await createTestTeam();
  teamB = await createTestTeam();
  people = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      createTestUser({ teamId: i % 3 === 0 ? null : i % 3 === 1 ? teamA.id : teamB.id }),
    ),
  );
  trainers = await Promise.all([1, 2].map(() => createTestUser({ roles: ["TRAINER"] })));
  const series = await db.series.findFirst({ select: { id: true } });
  courseIds = [
    (await createCourse({ area: "business", seriesId: series?.id ?? null })).id,
    (await createCourse({ area: "supporting" })).id,
  ];
});

describe("the dashboard rollups", () => {
  it("equal a recount from scratch after many answers, edits and corrected attendance", async () => {
    // Sessions on either side of a local month start (07:30 on the 1st is the UTC day before),
    // named and anonymous, micro and other, two trainers and courses.
    const starts = [
      new Date("2026-09-30T23:30:00.000Z"),
      new Date("2026-10-15T02:00:00.000Z"),
      new Date("2026-10-31T15:59:00.000Z"),
      new Date("2026-11-03T06:00:00.000Z"),
    ];
    const surveys: { surveyId: number; sessionId: number; startsAt: Date; anonymous: boolean }[] = [];
    for (const [i, startsAt] of starts.entries()) {
      for (const anonymous of [false, true]) {
        const s = await deliveredSession({
          trainerId: at(trainers, i % 2).id,
          courseId: i === 3 ? null : at(courseIds, i % 2),
          kind: i === 3 ? "other" : "micro",
          anonymous,
          startsAt,
          now: new Date(startsAt.getTime() + 3600_000),
          attendees: people.map((p) => ({ userId: p.id })),
        });
        surveys.push({ ...s, startsAt, anonymous });
      }
    }
    // Different numbers of answers per survey, so some anonymous team cells stay below three.
    let n = 0;
    for (const [k, s] of surveys.entries()) {
      const answering = people.slice(0, 2 + ((k * 5) % 11));
      for (const p of answering) {
        expect(await answer(s.surveyId, p.id, n++, new Date(s.startsAt.getTime() + 7200_000))).toBe("created");
      }
    }
    // Edits of named answers.
    for (const s of surveys.filter((x) => !x.anonymous)) {
      expect(await answer(s.surveyId, at(people, 0).id, n++, new Date(s.startsAt.getTime() + 9000_000), "edit")).toBe(
        "updated",
      );
    }
    // A corrected attendance: someone who did not answer is no longer asked.
    const first = at(surveys, 0);
    await db.sessionAttendee.update({
      where: { sessionId_userId: { sessionId: first.sessionId, userId: at(people, 11).id } },
      data: { attendance: "absent" },
    });
    await db.$transaction((tx) => openSurveysForDeliveredSession(tx, first.sessionId));

    const kept = await snapshot();
    expect(kept.day.length).toBeGreaterThan(4);
    expect(kept.month.map((r) => r.month)).toEqual(expect.arrayContaining(["2026-10", "2026-11"]));
    // The class at 07:30 on 1 October (local) counts in October, not September.
    expect(kept.month.some((r) => r.month === "2026-09")).toBe(false);
    await rebuildRollups();
    expect(await snapshot()).toEqual(kept);
  });

  it("equal a recount from scratch after concurrent answers", async () => {
    const startsAt = new Date("2026-11-10T02:00:00.000Z");
    const [named, anon] = await Promise.all(
      [false, true].map((anonymous) =>
        deliveredSession({
          trainerId: at(trainers, 0).id,
          courseId: at(courseIds, 0),
          anonymous,
          startsAt,
          now: new Date(startsAt.getTime() + 3600_000),
          attendees: people.map((p) => ({ userId: p.id })),
        }),
      ),
    );
    const when = new Date(startsAt.getTime() + 7200_000);
    // Everyone answers both at once, twice over (the second is refused): anonymous team cells
    // cross three answers while other answers are being counted.
    const results = await Promise.all(
      [named!, anon!, named!, anon!].flatMap((s, r) =>
        people.map((p, i) => answer(s.surveyId, p.id, r * 100 + i, when)),
      ),
    );
    expect(results.filter((r) => r === "created")).toHaveLength(2 * people.length);
    const kept = await snapshot();
    await rebuildRollups();
    expect(await snapshot()).toEqual(kept);
  });

  it("give the same figures as the per-survey tally for every filter the page offers", async () => {
    const filters: [{ from: string; to: string }, SurveyFilter][] = [
      [{ from: "2026-01-01", to: "2026-12-31" }, {}],
      [{ from: "2026-10-01", to: "2026-10-31" }, {}],
      [{ from: "2026-10-10", to: "2026-11-05" }, {}],
      [{ from: "2026-09-30", to: "2026-10-01" }, {}],
      [{ from: "2026-01-01", to: "2026-12-31" }, { teamId: teamA.id }],
      [{ from: "2026-01-01", to: "2026-12-31" }, { trainerId: at(trainers, 1).id }],
      [{ from: "2026-01-01", to: "2026-12-31" }, { area: "business" }],
      [
        { from: "2026-08-15", to: "2026-11-20" },
        { teamId: teamB.id, trainerId: at(trainers, 0).id },
      ],
    ];
    const series = await db.course.findUnique({ where: { id: at(courseIds, 0) }, select: { seriesId: true } });
    if (series?.seriesId) filters.push([{ from: "2026-01-01", to: "2026-12-31" }, { seriesId: series.seriesId }]);
    for (const [days, f] of filters) {
      const range = parseRange(days.from, days.to);
      const fromTally = await tallyCells({ ...f, from: range.start, to: range.end });
      const fromRollups = await rollupCells(range, f);
      expect(total(fromRollups), JSON.stringify(days)).toEqual(total(fromTally));
      for (const key of ["month", "courseId", "trainerId"] as const) {
        const a = Object.fromEntries(rollup(fromRollups, (c) => c[key] ?? 0));
        const b = Object.fromEntries(rollup(fromTally, (c) => c[key] ?? 0));
        expect(a, `${key} ${JSON.stringify(days)} ${JSON.stringify(f)}`).toEqual(b);
      }
    }
  });
});
