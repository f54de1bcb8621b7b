// The audit log: each state change that matters writes exactly one entry, in its own transaction,
// naming the actor, the action and the object; the page tells it in words (zh and en), filters,
// pages, and exports CSV with ISO instants.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "~/admin/audit.server";
import { setActive, setRoles } from "~/admin/users.server";
import { syncContent } from "~/content/sync.server";
import { grantAttempt } from "~/exams/attempts.server";
import { RUBRIC } from "~/exams/scoring/rubric";
import { recordSitting, scoreDrill } from "~/exams/trainer.server";
import { startTyping } from "~/exams/typing.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import * as auditRoute from "~/routes/admin.audit";
import * as csvRoute from "~/routes/admin.audit[.]csv";
import * as archiveRoute from "~/routes/archive._index";
import * as detailRoute from "~/routes/requests.$id";
import * as rosterRoute from "~/routes/schedule.$id";
import { archiveSession } from "~/workflow/archive.server";
import { createRequest } from "~/workflow/requests.server";
import { applyTransition } from "~/workflow/transitions.server";
import { take } from "../../fixtures/lists";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";
import { future, post, requestForm, statusOf, world, type World } from "../workflow/helpers";

let w: World;
let admin: { id: number };
beforeAll(async () => {
  w = await world();
  admin = await createTestUser({ roles: ["ADMIN"], name: "管理员甲" });
});

type Entry = { actorId: number | null; action: string; objectKind: string | null; objectId: number | null };
const pick = { actorId: true, action: true, objectKind: true, objectId: true } as const;

/** The entries written while `fn` ran. */
async function written(fn: () => Promise<unknown>): Promise<Entry[]> {
  const last = (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
  await fn();
  return db.auditLog.findMany({ where: { id: { gt: last } }, select: pick, orderBy: { id: "asc" } });
}

const hr = () => ({ id: w.hr.id, roles: ["HR" as const], name: "HR One" });

async function submitted() {
  const f = requestForm(w);
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
    ...f,
    attendees: w.agents.slice(0, 3).map((a) => a.id),
    priority: 2,
    slotKind: "morning",
    delivery: "single",
  } as never);
  return id;
}

function schedule(id: number, start: string) {
  const [date] = take(future(30).split("T"), 1);
  return post(
    detailRoute,
    `/requests/${id}`,
    w.hr.id,
    {
      intent: "schedule",
      version: "2",
      trainerId: String(w.trainer.id),
      date,
      start,
      end: "",
      roomId: String(w.room.id),
      onlineLink: "",
    },
    { id: String(id) },
  );
}

async function page(query: string, lang: "zh" | "en" = "zh", userId = admin.id) {
  const request = await makeRequest(`/admin/audit${query}`, { userId, headers: { "Accept-Language": lang } });
  try {
    return await auditRoute.loader({ request, params: {}, context: {} });
  } catch (e) {
    return e;
  }
}
type Page = Awaited<ReturnType<typeof auditRoute.loader>>;

describe("audit: one entry per state change", () => {
  it("request: create, approve, schedule, deliver (session and request), archive", async () => {
    let id = 0;
    expect(
      await written(async () => {
        id = await submitted();
      }),
    ).toEqual([{ actorId: w.lead.id, action: "request.create", objectKind: "request", objectId: id }]);
    expect(await written(() => applyTransition(hr(), id, "approve", 1))).toEqual([
      { actorId: w.hr.id, action: "request.approve", objectKind: "request", objectId: id },
    ]);
    expect(await written(async () => expect(statusOf(await schedule(id, "20:00"))).toBe(302))).toEqual([
      { actorId: w.hr.id, action: "request.schedule", objectKind: "request", objectId: id },
    ]);

    const s = await db.trainingSession.findFirstOrThrow({ where: { requestId: id } });
    await db.trainingSession.update({
      where: { id: s.id },
      data: { startsAt: new Date(Date.now() - 2 * 3600_000), endsAt: new Date(Date.now() - 3600_000) },
    });
    const [a, b, c] = w.agents;
    const marks = { [`att-${a.id}`]: "present", [`att-${b.id}`]: "late", [`att-${c.id}`]: "absent" };
    const roster = (intent: string) =>
      post(rosterRoute, `/schedule/${s.id}`, w.trainer.id, { intent, notes: "", ...marks }, { id: String(s.id) });
    expect(await written(() => roster("save"))).toEqual([
      { actorId: w.trainer.id, action: "session.attendance", objectKind: "session", objectId: s.id },
    ]);
    expect(await written(() => roster("deliver"))).toEqual([
      { actorId: w.trainer.id, action: "session.deliver", objectKind: "session", objectId: s.id },
      { actorId: w.trainer.id, action: "request.deliver", objectKind: "request", objectId: id },
    ]);
    // A refused second delivery writes nothing.
    expect(await written(() => roster("deliver"))).toEqual([]);

    const version = (await db.trainingRequest.findUniqueOrThrow({ where: { id } })).version;
    const archived = await written(async () =>
      expect(
        statusOf(await post(archiveRoute, "/archive", w.hr.id, { sessionId: String(s.id), version: String(version) })),
      ).toBe(302),
    );
    expect(archived).toEqual([{ actorId: w.hr.id, action: "request.archive", objectKind: "request", objectId: id }]);
  });

  it("return, cancel with reasons; a stale version writes nothing", async () => {
    const id = await submitted();
    expect(await written(() => applyTransition(hr(), id, "approve", 99).catch(() => null))).toEqual([]);
    expect(await written(() => applyTransition(hr(), id, "return", 1, "Name the team's two worst calls"))).toEqual([
      { actorId: w.hr.id, action: "request.return", objectKind: "request", objectId: id },
    ]);
    const other = await submitted();
    expect(await written(() => applyTransition(hr(), other, "cancel", 1, "Budget frozen"))).toEqual([
      { actorId: w.hr.id, action: "request.cancel", objectKind: "request", objectId: other },
    ]);
    const detail = await db.auditLog.findFirstOrThrow({ where: { action: "request.cancel", objectId: other } });
    expect(JSON.parse(detail.detail)).toMatchObject({ reason: "Budget frozen", from: "submitted", to: "cancelled" });
    expect(detail.subjectId).toBe(w.lead.id);
  });

  it("a session without a request is archived with its own entry", async () => {
    const s = await db.trainingSession.create({
      data: {
        courseId: w.course.id,
        trainerId: w.trainer.id,
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        endsAt: new Date(Date.now() - 3 * 86_400_000 + 3600_000),
        status: "delivered",
      },
      select: { id: true },
    });
    expect(await written(() => archiveSession(hr(), s.id, 0))).toEqual([
      { actorId: w.hr.id, action: "session.archive", objectKind: "session", objectId: s.id },
    ]);
  });

  it("exams: an HR grant, an automatic invalidation, a drill correction", async () => {
    const trainee = await createTestUser({ name: "王芳" });
    let first = { attemptId: 0 };
    await written(async () => {
      first = (await startTyping(trainee.id, "zh")) as { attemptId: number };
    });
    let grantId = 0;
    expect(
      await written(async () => {
        grantId = await grantAttempt(w.hr.id, trainee.id, "typing:zh", "network outage");
      }),
    ).toEqual([{ actorId: w.hr.id, action: "exam.attempt-granted", objectKind: "exam-grant", objectId: grantId }]);
    // Starting again abandons the open attempt: the system invalidates it.
    expect(await written(() => startTyping(trainee.id, "zh"))).toEqual([
      { actorId: null, action: "exam.attempt-invalidated", objectKind: "exam-attempt", objectId: first.attemptId },
    ]);

    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const sitting = await recordSitting(trainer.id, {
      day: localDay(new Date()),
      scenario: "投诉",
      traineeIds: [trainee.id],
    });
    const scores = Object.fromEntries(RUBRIC.map((r) => [r.id, 4]));
    const firstScore = await written(() =>
      scoreDrill(trainer.id, { traineeId: trainee.id, sittingId: sitting, scores, notes: "" }),
    );
    expect(firstScore).toEqual([]); // a first score is a result, not a correction
    const old = await db.drillScore.findFirstOrThrow({ where: { trainerId: trainer.id }, orderBy: { id: "desc" } });
    expect(
      await written(() =>
        scoreDrill(trainer.id, {
          traineeId: trainee.id,
          sittingId: sitting,
          scores,
          notes: "",
          supersedesId: old.id,
          reason: "wrong sheet",
        }),
      ),
    ).toEqual([{ actorId: trainer.id, action: "exam.drill-corrected", objectKind: "drill-score", objectId: old.id }]);
  });

  it("people: role change and deactivation name the user as object", async () => {
    const person = await createTestUser({ name: "李雷" });
    expect(await written(() => setRoles(admin.id, person.id, ["TRAINEE", "TRAINER"]))).toEqual([
      { actorId: admin.id, action: "user.roles", objectKind: "user", objectId: person.id },
    ]);
    expect(await written(() => setActive(admin.id, person.id, false))).toEqual([
      { actorId: admin.id, action: "user.deactivate", objectKind: "user", objectId: person.id },
    ]);
  });

  it("content: a sync writes one entry per course that goes live or leaves, none when unchanged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "weike-audit-"));
    const file = (name: string, text: string) => {
      const f = path.join(dir, "courses", name);
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, text);
    };
    try {
      const tag = Math.random().toString(36).slice(2, 8);
      file(`s-${tag}/series.md`, seriesText(`s-${tag}`));
      file(`s-${tag}/01-a-${tag}.md`, courseText({ slug: `a-${tag}`, series: `s-${tag}` }));
      const quiet = { log: () => {}, warn: () => {} };
      // The first sync here also retires the other tests' courses, which have no file.
      const cold = await written(() => syncContent(dir, quiet));
      const course = await db.course.findUniqueOrThrow({ where: { slug: `a-${tag}` }, select: { id: true } });
      expect(cold.filter((e) => e.action === "content.publish")).toEqual([
        { actorId: null, action: "content.publish", objectKind: "course", objectId: course.id },
      ]);
      expect(await written(() => syncContent(dir, quiet))).toEqual([]);
      rmSync(path.join(dir, "courses", `s-${tag}`, `01-a-${tag}.md`));
      expect(await written(() => syncContent(dir, quiet))).toEqual([
        { actorId: null, action: "content.retire", objectKind: "course", objectId: course.id },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an action outside the catalogue at compile time", async () => {
    await db.$transaction(async (tx) => {
      // @ts-expect-error: not an audit action
      const bad = () => writeAudit(tx, admin.id, "user.nonsense", null);
      expect(typeof bad).toBe("function");
    });
  });
});

describe("audit page: words, filters, paging, CSV", () => {
  let actor: { id: number };
  let target: { id: number };
  beforeAll(async () => {
    actor = await createTestUser({ roles: ["ADMIN"], name: "张审计" });
    target = await createTestUser({ name: "赵小兵" });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 23; i++) await writeAudit(tx, actor.id, "user.password-reset", target.id);
      await writeAudit(tx, actor.id, "user.roles", target.id, { before: ["TRAINEE"], after: ["TRAINEE", "ADMIN"] });
    });
  });

  it("filters by actor and pages 20 at a time", async () => {
    const one = (await page(`?actor=${actor.id}`)) as Page;
    expect(one.total).toBe(24);
    expect(one.pages).toBe(2);
    expect(one.lines).toHaveLength(20);
    const two = (await page(`?actor=${actor.id}&page=2`)) as Page;
    expect(two.lines).toHaveLength(4);
    expect(new Set([...one.lines, ...two.lines].map((l) => l.id)).size).toBe(24);
    const byAction = (await page(`?actor=${actor.id}&action=user.roles`)) as Page;
    expect(byAction.total).toBe(1);
    const byObject = (await page(`?kind=user&object=${target.id}`)) as Page;
    expect(byObject.total).toBe(24);
    expect(((await page(`?kind=request&object=${target.id}&actor=${actor.id}`)) as Page).total).toBe(0);
  });

  it("filters by local days in the configured zone", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { actorId: actor.id, action: "user.roles" } });
    // 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai.
    await db.auditLog.update({ where: { id: row.id }, data: { createdAt: new Date("2026-03-01T16:30:00Z") } });
    const q = (from: string, to: string) => page(`?actor=${actor.id}&from=${from}&to=${to}`) as Promise<Page>;
    expect((await q("2026-03-02", "2026-03-02")).total).toBe(1);
    expect((await q("2026-03-01", "2026-03-01")).total).toBe(0);
    expect((await q("2026-02-01", "2026-03-01")).total).toBe(0);
  });

  it("tells the entry in words in both languages: names, role names, no codes or JSON", async () => {
    const zh = (await page(`?actor=${actor.id}&action=user.roles`, "zh")) as Page;
    const en = (await page(`?actor=${actor.id}&action=user.roles`, "en")) as Page;
    const [z] = zh.lines;
    const [e] = en.lines;
    expect(z?.sentence).toBe("张审计 将 赵小兵 的角色由「学员」改为「学员、管理员」");
    expect(e?.sentence).toBe("张审计 changed 赵小兵's roles from “Trainee” to “Trainee, Administrator”");
    for (const l of [z, e]) {
      expect(l?.sentence).not.toMatch(/ADMIN|TRAINEE|[{}[\]"]/);
      expect(l?.local).toBe("2026-03-02 00:30");
    }
    const hrPage = (await page(`?action=request.approve`, "en")) as Page;
    expect(hrPage.lines.some((l) => /^HR One approved request #\d+ «投诉处理四步法»$/.test(l.sentence))).toBe(true);
  });

  it("refuses malformed filters with 400 and other roles with 403", async () => {
    for (const q of [
      "?action=user.nonsense",
      "?object=1e3",
      "?from=2026-02-30",
      "?page=0",
      "?from=2026-03-05&to=2026-03-01",
    ]) {
      expect(statusOf(await page(q)), q).toBe(400);
    }
    expect(statusOf(await page("", "zh", w.hr.id))).toBe(403);
  });

  it("exports CSV with ISO instants, local times and the same words", async () => {
    const request = await makeRequest(`/admin/audit.csv?actor=${actor.id}`, {
      userId: admin.id,
      headers: { "Accept-Language": "en" },
    });
    const res = (await csvRoute.loader({ request, params: {}, context: {} })) as Response;
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("id,ISO 8601,When,By,Action,What happened,Object,Object no.,Person concerned");
    expect(lines).toHaveLength(25);
    const roles = lines.find((l) => l.includes("Changed roles"));
    expect(roles).toContain(",2026-03-01T16:30:00.000Z,2026-03-02 00:30,张审计,Changed roles,");
    expect(roles).toContain(`User,${target.id},赵小兵`);
    expect(text).not.toMatch(/ADMIN|\{/);
  });
});
