// The differencing attack on anonymous survey answers. One anonymous session has teams of 5, 2
// and 4; the team of 2 is below the threshold of three. Every output a trainer or HR can get (the
// dashboard at every filter combination, both CSV exports) is collected, and no arithmetic between
// them — a total minus any of its visible parts, or any one output minus another — may leave the
// answers of one or two people.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as figuresLoader } from "~/routes/dashboard.figures[.]csv";
import { loader as responsesLoader } from "~/routes/dashboard.responses[.]csv";
import { submitResponse } from "~/surveys/respond.server";
import { createTestTeam, createTestUser, makeRequest } from "../../fixtures/users";
import { createCourse, deliveredSession } from "./helpers";

const held = new Date("2019-05-07T02:00:00.000Z");
const openedAt = new Date("2019-05-07T04:00:00.000Z");
const answeredAt = new Date("2019-05-08T04:00:00.000Z");

// Each group answers with its own values, so any leak of the team of 2 is unmistakable.
const VALUES = { A: 5, B: 1, C: 4, D: 3 } as const;
const RECOMMEND = { A: 10, B: 0, C: 8, D: 7 } as const;

/** What an attacker can reconstruct from one output: how many answers, and sums over them. */
interface Vec {
  n: number;
  satisfied: number;
  sumOverall: number;
  helpful: number;
  npsNet: number;
}
interface Observation {
  label: string;
  /** The filters without the team: outputs with the same base are a total and its team parts. */
  base: string;
  team: string | null;
  vec: Vec;
  /** Raw rows (responses CSV) or comments, when the output lists them. */
  rows?: string[];
}

const zero = (): Vec => ({ n: 0, satisfied: 0, sumOverall: 0, helpful: 0, npsNet: 0 });
const sub = (a: Vec, b: Vec): Vec => ({
  n: a.n - b.n,
  satisfied: a.satisfied - b.satisfied,
  sumOverall: a.sumOverall - b.sumOverall,
  helpful: a.helpful - b.helpful,
  npsNet: a.npsNet - b.npsNet,
});
/** A difference that could be the answers of one or two real people (every sum in range). */
const isSmallGroup = (d: Vec) =>
  (d.n === 1 || d.n === 2) &&
  d.satisfied >= 0 &&
  d.satisfied <= d.n &&
  d.helpful >= 0 &&
  d.helpful <= d.n &&
  d.sumOverall >= d.n &&
  d.sumOverall <= 5 * d.n &&
  Math.abs(d.npsNet) <= d.n;

/** A figures object (dashboard) as the answers it stands on. */
function figVec(f: {
  responses: number;
  answered?: number;
  satisfactionRate: number | null;
  meanScore: number | null;
  helpfulRate: number | null;
  nps: number | null;
}): Vec {
  if (f.satisfactionRate === null || f.meanScore === null) return zero();
  const n = f.answered ?? f.responses;
  return {
    n,
    satisfied: Math.round(f.satisfactionRate * n),
    sumOverall: Math.round(f.meanScore * n),
    helpful: Math.round((f.helpfulRate ?? 0) * n),
    npsNet: Math.round(((f.nps ?? 0) * n) / 100),
  };
}

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
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

let hr: { id: number };
let trainer: { id: number };
let teams: Record<"A" | "B" | "C", number>;
let sessionId: number;

beforeAll(async () => {
  const [a, b, c] = await Promise.all([createTestTeam(), createTestTeam(), createTestTeam()]);
  teams = { A: a.id, B: b.id, C: c.id };
  [hr, trainer] = await Promise.all([createTestUser({ roles: ["HR"] }), createTestUser({ roles: ["TRAINER"] })]);
  const sizes = { A: 5, B: 2, C: 4 } as const;
  const people: { id: number; group: "A" | "B" | "C" }[] = [];
  for (const group of ["A", "B", "C"] as const)
    for (let i = 0; i < sizes[group]; i++)
      people.push({ id: (await createTestUser({ teamId: teams[group] })).id, group });
  const course = await createCourse();
  const s = await deliveredSession({
    trainerId: trainer.id,
    courseId: course.id,
    anonymous: true,
    startsAt: held,
    now: openedAt,
    attendees: people.map((p) => ({ userId: p.id })),
  });
  sessionId = s.sessionId;
  const answer = async (surveyId: number, userId: number, g: keyof typeof VALUES, i: number) => {
    const v = VALUES[g];
    const r = await submitResponse(
      surveyId,
      userId,
      {
        overall: v,
        relevance: v,
        helpful: v,
        delivery: v,
        pace: v,
        recommend: RECOMMEND[g],
        comment: `${g}-comment-${i}`,
        extra: {},
      },
      "new",
      answeredAt,
    );
    expect(r).toBe("created");
  };
  for (const [i, p] of people.entries()) await answer(s.surveyId, p.id, p.group, i);
  // A second, non-micro anonymous session of team A, so the micro/all comparison has two sides.
  const others = await Promise.all(Array.from({ length: 3 }, () => createTestUser({ teamId: teams.A })));
  const s2 = await deliveredSession({
    trainerId: trainer.id,
    kind: "other",
    anonymous: true,
    startsAt: held,
    now: openedAt,
    attendees: others.map((p) => ({ userId: p.id })),
  });
  for (const [i, p] of others.entries()) await answer(s2.surveyId, p.id, "D", i);
});

async function collect(): Promise<Observation[]> {
  const out: Observation[] = [];
  const ranges = ["from=2019-05-01&to=2019-05-31", "from=2019-05-07&to=2019-05-07"];
  const teamOptions: [string | null, string][] = [
    [null, ""],
    ["A", `&team=${teams.A}`],
    ["B", `&team=${teams.B}`],
    ["C", `&team=${teams.C}`],
  ];
  for (const viewer of [hr, trainer])
    for (const range of ranges)
      for (const trainerQ of viewer === hr ? ["", `&trainer=${trainer.id}`] : [""])
        for (const sessionQ of ["", `&session=${sessionId}`])
          for (const [team, teamQ] of teamOptions) {
            const base = `v${viewer.id}?${range}${trainerQ}${sessionQ}`;
            const q = `${range}${trainerQ}${sessionQ}${teamQ}`;
            const push = (label: string, vec: Vec, rows?: string[]) =>
              out.push({ label: `${base}${teamQ} ${label}`, base: `${base} ${label}`, team, vec, rows });

            const d = await dashboardLoader({
              request: await makeRequest(`/dashboard?${q}`, { userId: viewer.id }),
              params: {},
              context: {},
            });
            push("kpis", figVec(d.kpis));
            push("compare.micro", figVec(d.compare.micro));
            push("compare.all", figVec(d.compare.all));
            for (const p of d.trend) {
              if (p.all) push(`trend.all.${p.month}`, figVec(p.all));
              if (p.micro) push(`trend.micro.${p.month}`, figVec(p.micro));
            }
            for (const c of d.courses) push(`course.${c.id}`, figVec(c));
            for (const t of d.trainers) push(`trainer.${t.id}`, figVec(t));
            for (const s of d.sessions) push(`session.${s.surveyId}`, figVec(s));
            const overall = d.distribution.find((x) => x.item === "overall")!;
            const helpful = d.distribution.find((x) => x.item === "helpful")!;
            const counts = overall.counts ?? [0, 0, 0, 0, 0];
            push("distribution", {
              n: counts.reduce((a, b) => a + b, 0),
              satisfied: counts[3] + counts[4],
              sumOverall: counts.reduce((a, c, i) => a + c * (i + 1), 0),
              helpful: helpful.counts ? helpful.counts[3] + helpful.counts[4] : 0,
              npsNet: 0,
            });
            push(
              "comments",
              { ...zero(), n: d.comments.length },
              d.comments.map((c) => c.comment),
            );

            const figures = parseCsv(
              await (
                (await figuresLoader({
                  request: await makeRequest(`/dashboard/figures.csv?${q}`, { userId: viewer.id }),
                  params: {},
                  context: {},
                })) as Response
              ).text(),
            );
            const [head, ...lines] = figures;
            const answeredCol = (head?.length ?? 0) > 11 ? 11 : 2;
            for (const l of lines) {
              const num = (i: number) => (l[i] === "" ? null : Number(l[i]));
              const n = Number(l[answeredCol]);
              const sat = num(5);
              if (sat === null) push(`csv.${l[0]}.${l[1]}`, zero());
              else
                push(`csv.${l[0]}.${l[1]}`, {
                  n,
                  satisfied: Math.round((sat / 100) * n),
                  sumOverall: Math.round(num(6)! * n),
                  helpful: Math.round(((num(8) ?? 0) / 100) * n),
                  npsNet: Math.round(((num(9) ?? 0) * n) / 100),
                });
            }

            const raw = parseCsv(
              await (
                (await responsesLoader({
                  request: await makeRequest(`/dashboard/responses.csv?${q}`, { userId: viewer.id }),
                  params: {},
                  context: {},
                })) as Response
              ).text(),
            ).slice(1);
            const rowVec = zero();
            for (const r of raw) {
              const [o = 0, , h = 0, , , rec = 0] = r.slice(9, 15).map(Number);
              rowVec.n++;
              rowVec.satisfied += o >= 4 ? 1 : 0;
              rowVec.sumOverall += o;
              rowVec.helpful += h >= 4 ? 1 : 0;
              rowVec.npsNet += rec >= 9 ? 1 : rec <= 6 ? -1 : 0;
            }
            push(
              "responses.csv",
              rowVec,
              raw.map((r) => r.slice(9).join("|")),
            );
          }
  return out;
}

function minusRows(total: string[], parts: string[][]): string[] {
  const left = [...total];
  for (const part of parts)
    for (const r of part) {
      const i = left.indexOf(r);
      if (i >= 0) left.splice(i, 1);
    }
  return left;
}

describe("anonymous answers cannot be recovered by differencing", () => {
  it("no total minus its visible team parts, and no output minus another, leaves one or two answers", async () => {
    const obs = await collect();
    const leaks: string[] = [];

    // 1. Total − any subset of its visible per-team parts (the same output, narrower filter).
    const byBase = new Map<string, Observation[]>();
    for (const o of obs) byBase.set(o.base, [...(byBase.get(o.base) ?? []), o]);
    for (const group of byBase.values()) {
      const total = group.find((o) => o.team === null);
      if (!total) continue;
      const parts = group.filter((o) => o.team !== null);
      for (let mask = 0; mask < 1 << parts.length; mask++) {
        const chosen = parts.filter((_, i) => mask & (1 << i));
        const d = chosen.reduce((acc, p) => sub(acc, p.vec), total.vec);
        if (isSmallGroup(d)) leaks.push(`${total.label} − [${chosen.map((c) => c.team).join(",")}] → n=${d.n}`);
        if (total.rows) {
          const left = minusRows(
            total.rows,
            chosen.map((c) => c.rows ?? []),
          );
          if (left.length === 1 || left.length === 2)
            leaks.push(`${total.label} rows − [${chosen.map((c) => c.team).join(",")}] → ${left.join(" / ")}`);
        }
      }
    }

    // 2. Any output minus any other (a total next to its breakdown in one file or page, a
    // comparison, a session against its course).
    const vecs = obs.filter((o) => o.vec.n > 0 && !o.label.endsWith(" comments"));
    for (const x of vecs)
      for (const y of vecs) {
        if (x === y) continue;
        const d = sub(x.vec, y.vec);
        if (isSmallGroup(d)) leaks.push(`${x.label} − ${y.label} → n=${d.n}`);
      }

    // 3. Nothing of the team of 2 appears anywhere, directly.
    for (const o of obs) for (const r of o.rows ?? []) if (r.includes("B-comment")) leaks.push(`${o.label} shows ${r}`);

    expect([...new Set(leaks)].slice(0, 20)).toEqual([]);
  }, 120_000);
});
