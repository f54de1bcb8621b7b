// Demo survey results: ten months of morning-class micro-courses and other internal training,
// answered by the demo trainees. The counts are fixed so that the dashboard shows the centre's
// own figures for the seeded sample: micro-courses 96.9% satisfied (279 of 288), all training
// 93.5% (419 of 448), and 97.9% (282 of 288) saying a micro-course helped their work.
// Runs once: a database that already holds the demo sessions is left alone. Needs the courses
// from the content sync and the demo trainers; without them it creates nothing.
import type { Db } from "../../app/lib/db.server";
import { openSurveysForDeliveredSession } from "../../app/surveys/open-survey.server";
import { submitResponse } from "../../app/surveys/respond.server";

const MARK = "demo:surveys";
const PER_SESSION = 8;
const MICRO = { sessions: 36, satisfied: 279, helpful: 282 };
const OTHER = { sessions: 20, satisfied: 140, helpful: 142 };
const OTHER_TITLES = [
  "新版计费系统上线说明会",
  "季度服务质量通报会",
  "信息安全与客户隐私培训",
  "双十一大促活动规则宣讲",
];
const COMMENTS = [
  "案例很贴近实际工作，话术可以直接用。",
  "时间有点紧，角色扮演环节希望再长一点。",
  "一小时刚好，不影响排班。",
  "讲师举的投诉案例很有启发。",
  "希望能把课件发到群里方便复习。",
  "内容有些和上次重复了。",
  "Very practical, I used the closing phrases the same afternoon.",
  "早课时间太早，有点困。",
];

// A small deterministic generator, so every demo database shows the same numbers.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    // Both indices lie inside the list (0 <= j <= i < length).
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Exactly `good` answers of 4–5 among `n`, the rest 2–3. */
function scores(n: number, good: number, rnd: () => number): number[] {
  const list = Array.from({ length: n }, (_, i) => (i < good ? (rnd() < 0.68 ? 5 : 4) : rnd() < 0.8 ? 3 : 2));
  return shuffle(list, rnd);
}

const clip = (v: number) => Math.max(1, Math.min(5, v));

export async function seedSurveys(db: Db): Promise<number> {
  if (await db.trainingSession.findFirst({ where: { notes: MARK }, select: { id: true } })) return 0;
  const [courses, trainers, trainees] = await Promise.all([
    db.course.findMany({
      where: { status: { not: "retired" } },
      select: { id: true, seriesId: true },
      orderBy: [{ seriesId: "asc" }, { position: "asc" }],
    }),
    db.user.findMany({
      where: { email: { in: ["trainer@weike.test", "trainer2@weike.test"] } },
      select: { id: true, email: true },
      orderBy: { email: "asc" },
    }),
    db.user.findMany({
      where: { email: { endsWith: "@weike.test" }, roles: { some: { role: "TRAINEE" } } },
      select: { id: true, email: true },
      orderBy: { employeeNo: "asc" },
    }),
  ]);
  // The main demo trainer teaches two sessions in three.
  trainers.sort((a, b) => (a.email === "trainer@weike.test" ? -1 : b.email === "trainer@weike.test" ? 1 : 0));
  const [firstCourse] = courses;
  const [mainTrainer] = trainers;
  if (!firstCourse || !mainTrainer || trainees.length < PER_SESSION + 2) return 0;

  const rnd = prng(20261126);
  const plan = [
    ...Array.from({ length: MICRO.sessions }, (_, i) => ({ kind: "micro" as const, i })),
    ...Array.from({ length: OTHER.sessions }, (_, i) => ({ kind: "other" as const, i })),
  ];
  shuffle(plan, rnd);
  const overall = {
    micro: scores(MICRO.sessions * PER_SESSION, MICRO.satisfied, rnd),
    other: scores(OTHER.sessions * PER_SESSION, OTHER.satisfied, rnd),
  };
  const helpful = {
    micro: scores(MICRO.sessions * PER_SESSION, MICRO.helpful, rnd),
    other: scores(OTHER.sessions * PER_SESSION, OTHER.helpful, rnd),
  };
  const used = { micro: 0, other: 0 };
  const today = new Date();
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  let made = 0;

  for (const [n, item] of plan.entries()) {
    // Spread over the last ~300 days, oldest first; morning class at 08:30 China time.
    const startsAt = new Date(day0 - (303 - Math.round((n * 296) / plan.length)) * 86400_000 + 30 * 60_000);
    const deliveredAt = new Date(startsAt.getTime() + 3600_000);
    const course = item.kind === "micro" ? courses[item.i % courses.length] : null;
    const trainer = (n % 3 === 2 ? trainers[1] : undefined) ?? mainTrainer;
    const group = shuffle([...trainees], rnd).slice(0, PER_SESSION + 2);
    const sessionId = await db.$transaction(async (tx) => {
      const s = await tx.trainingSession.create({
        data: {
          courseId: course?.id ?? null,
          seriesId: course?.seriesId ?? null,
          title: course ? "" : OTHER_TITLES[item.i % OTHER_TITLES.length],
          kind: item.kind,
          anonymous: item.kind === "other" && item.i % 4 === 0,
          trainerId: trainer.id,
          startsAt,
          endsAt: deliveredAt,
          status: "archived",
          deliveredAt,
          notes: MARK,
          attendees: {
            create: group.map((p, k) => ({
              userId: p.id,
              attendance: k === PER_SESSION + 1 ? "absent" : k === 3 ? "late" : "present",
            })),
          },
        },
        select: { id: true },
      });
      await openSurveysForDeliveredSession(tx, s.id, { now: deliveredAt });
      return s.id;
    });
    const survey = await db.survey.findUniqueOrThrow({ where: { sessionId }, select: { id: true } });
    for (const person of group.slice(0, PER_SESSION)) {
      const k = used[item.kind]++;
      const o = overall[item.kind][k];
      const h = helpful[item.kind][k];
      if (o === undefined || h === undefined) throw new Error("seed: more responses than planned scores");
      const wobble = () => (rnd() < 0.7 ? 0 : rnd() < 0.5 ? -1 : 1);
      const recommend =
        o === 5
          ? rnd() < 0.85
            ? 9 + Math.round(rnd())
            : 8
          : o === 4
            ? 7 + Math.floor(rnd() * 4)
            : 3 + Math.floor(rnd() * 5);
      await submitResponse(
        survey.id,
        person.id,
        {
          overall: o,
          relevance: clip(o + wobble()),
          helpful: h,
          delivery: clip(o + wobble()),
          pace: clip(o - (rnd() < 0.3 ? 1 : 0)),
          recommend,
          comment: rnd() < 0.15 ? (COMMENTS[Math.floor(rnd() * COMMENTS.length)] ?? "") : "",
          extra: {},
        },
        "new",
        new Date(deliveredAt.getTime() + (2 + rnd() * 70) * 3600_000),
      );
    }
    made++;
  }

  // One session from this week whose survey is still open and waits for the demo trainee.
  const trainee = trainees.find((t) => t.email === "trainee@weike.test");
  if (trainee) {
    const startsAt = new Date(day0 - 86400_000 + 30 * 60_000);
    const deliveredAt = new Date(startsAt.getTime() + 3600_000);
    await db.$transaction(async (tx) => {
      const s = await tx.trainingSession.create({
        data: {
          courseId: firstCourse.id,
          seriesId: firstCourse.seriesId,
          trainerId: mainTrainer.id,
          startsAt,
          endsAt: deliveredAt,
          status: "delivered",
          deliveredAt,
          notes: MARK,
          attendees: { create: [{ userId: trainee.id, attendance: "present" }] },
        },
        select: { id: true },
      });
      await openSurveysForDeliveredSession(tx, s.id, { now: deliveredAt });
    });
    made++;
  }
  return made;
}
