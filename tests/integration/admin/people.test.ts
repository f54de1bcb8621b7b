import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action as deactivateAction } from "~/routes/admin.deactivate";
import { action as importAction } from "~/routes/admin.import";
import { action as teamAction } from "~/routes/admin.teams.$id";
import { action as newTeamAction } from "~/routes/admin.teams._index";
import { action as userAction } from "~/routes/admin.users.$id";
import { createTestTeam, createTestUser, makeRequest, sessionCookieFor } from "../../fixtures/users";

type DataResult = { data: Record<string, unknown>; init: ResponseInit | null };
type Plan = { counts: Record<string, number>; lines: { line: number; errors: { field: string; key: string }[] }[] };

const tag = () => Math.random().toString(36).slice(2, 8);

/** A multipart upload as the browser sends it. */
async function upload(path: string, userId: number, text: string | Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append("file", new File([text], "people.csv", { type: "text/csv" }));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: await sessionCookieFor(userId) },
    body: form,
  });
}

async function preview(
  path: "/admin/import" | "/admin/deactivate",
  userId: number,
  text: string | Uint8Array<ArrayBuffer>,
) {
  const request = await upload(path, userId, text);
  const run = path === "/admin/import" ? importAction : deactivateAction;
  const res = (await run({ request, params: {}, context: {} })) as Response | DataResult;
  if (res instanceof Response)
    return { status: res.status, body: (await res.json()) as { plan: Plan; csv: string | null } };
  return { status: res.init?.status ?? 200, body: res.data as unknown as { plan: Plan; csv: string | null } };
}

async function confirm(path: "/admin/import" | "/admin/deactivate", userId: number, csv: string) {
  const request = await makeRequest(path, { userId, form: { intent: "apply", csv } });
  const run = path === "/admin/import" ? importAction : deactivateAction;
  return (await run({ request, params: {}, context: {} })) as Response | DataResult;
}

describe("admin: user import from a CSV file", () => {
  it("previews a clean file (with a BOM), stores nothing, then applies it in one go with audit entries", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const team = await createTestTeam(`导入组 ${tag()}`);
    const existing = await createTestUser({ name: "Old Name" });
    const existingNo = (await db.user.findUniqueOrThrow({ where: { id: existing.id } })).employeeNo;
    const t = tag();
    const csv =
      "\uFEFF工号,姓名,邮箱,团队,职级,角色\r\n" +
      `IMP-${t},导入 一,imp-${t}@weike.test,${team.name},高级,学员;讲师\r\n` +
      `${existingNo},New Name,,,,\r\n`;
    const before = await db.user.count();
    const { status, body } = await preview("/admin/import", admin.id, csv);
    expect(status).toBe(200);
    expect(body.plan.counts).toEqual({ create: 1, update: 1, unchanged: 0, errors: 0 });
    expect(await db.user.count()).toBe(before);

    const res = (await confirm("/admin/import", admin.id, body.csv!)) as Response;
    expect(res.status).toBe(302);
    const created = await db.user.findUniqueOrThrow({
      where: { employeeNo: `IMP-${t}` },
      select: {
        id: true,
        name: true,
        teamId: true,
        grade: true,
        passwordHash: true,
        roles: { select: { role: true } },
      },
    });
    expect(created).toMatchObject({ name: "导入 一", teamId: team.id, grade: "senior", passwordHash: "" });
    expect(created.roles.map((r) => r.role).sort()).toEqual(["TRAINEE", "TRAINER"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("New Name");
    expect(
      await db.auditLog.count({ where: { subjectId: created.id, action: "user.create", actorId: admin.id } }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { subjectId: existing.id, action: "user.update" } })).toBe(1);
  });

  it("a file with one bad line stores nothing, and each error names its line and field", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const taken = await createTestUser();
    const t = tag();
    const csv =
      "employee number,name,email,team,grade,roles\n" +
      `OK-${t},Fine,ok-${t}@weike.test,,junior,TRAINEE\n` +
      `DUP-${t},Dup,${taken.email},,junior,TRAINEE\n` +
      `TEAM-${t},Nowhere,team-${t}@weike.test,No Such Team ${t},junior,TRAINEE\n` +
      `GRADE-${t},Boss,grade-${t}@weike.test,,boss,TRAINEE\n`;
    const before = await db.user.count();
    const { status, body } = await preview("/admin/import", admin.id, csv);
    expect(status).toBe(400);
    expect(body.csv).toBeNull();
    expect(body.plan.lines.map((l) => l.errors.map((e) => [l.line, e.field, e.key])).flat()).toEqual([
      [3, "email", "admin:err.emailTaken"],
      [4, "team", "admin:import.err.unknownTeam"],
      [5, "grade", "admin:import.err.grade"],
    ]);
    // Sending the text straight to the confirm step is refused the same way.
    const res = (await confirm("/admin/import", admin.id, csv)) as unknown as DataResult;
    expect(res.init?.status).toBe(409);
    expect(await db.user.count()).toBe(before);
    expect(await db.user.count({ where: { employeeNo: `OK-${t}` } })).toBe(0);
  });

  it("refuses a file that is not UTF-8, and an empty upload", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const gbk = new Uint8Array([0xb9, 0xa4, 0xba, 0xc5, 0x0a, 0x41, 0x31, 0x0a]); // "工号\nA1" in GBK
    const res = (await importAction({
      request: await upload("/admin/import", admin.id, gbk),
      params: {},
      context: {},
    })) as unknown as DataResult;
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toEqual({ file: "admin:import.err.encoding" });
    const empty = (await importAction({
      request: await upload("/admin/import", admin.id, ""),
      params: {},
      context: {},
    })) as unknown as DataResult;
    expect(empty.data.errors).toEqual({ file: "admin:import.err.noFile" });
  });

  it("refuses a file over the size limit", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const big = "工号\n" + "A".repeat(600 * 1024);
    const res = (await importAction({
      request: await upload("/admin/import", admin.id, big),
      params: {},
      context: {},
    })) as unknown as DataResult;
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toEqual({ file: "admin:import.err.tooLarge" });
  });

  it("is for administrators only", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const request = await upload("/admin/import", hr.id, "工号\nA1\n");
    const thrown = await importAction({ request, params: {}, context: {} }).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });
});

describe("admin: deactivation from a CSV file", () => {
  it("previews who would be deactivated, refuses unknown numbers, then deactivates on confirm", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const a = await createTestUser();
    const b = await createTestUser({ active: false });
    const nos = await db.user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, employeeNo: true } });
    const no = (id: number) => nos.find((n) => n.id === id)!.employeeNo;

    const bad = await preview("/admin/deactivate", admin.id, `工号\n${no(a.id)}\nNOPE-${tag()}\n`);
    expect(bad.status).toBe(400);
    expect(bad.body.plan.lines[1]!.errors.map((e) => e.key)).toEqual(["admin:import.err.unknownUser"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).active).toBe(true);

    const good = await preview("/admin/deactivate", admin.id, `工号\n${no(a.id)}\n${no(b.id)}\n`);
    expect(good.body.plan.counts).toEqual({ deactivate: 1, unchanged: 1, errors: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).active).toBe(true);
    const res = (await confirm("/admin/deactivate", admin.id, good.body.csv!)) as Response;
    expect(res.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).active).toBe(false);
    expect(await db.session.count({ where: { userId: a.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { subjectId: a.id, action: "user.deactivate" } })).toBe(1);
    expect(await db.auditLog.count({ where: { subjectId: b.id, action: "user.deactivate" } })).toBe(0);
  });
});

describe("admin: editing a user's details", () => {
  const profile = (over: Record<string, string>) => ({
    intent: "profile",
    name: "Edited",
    email: `edit-${tag()}@weike.test`,
    employeeNo: `ED-${tag()}`,
    teamId: "",
    grade: "senior",
    ...over,
  });

  it("saves name, e-mail, number, team and grade with an audit entry", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const user = await createTestUser();
    const team = await createTestTeam();
    const form = profile({ teamId: String(team.id) });
    const request = await makeRequest(`/admin/users/${user.id}`, { userId: admin.id, form });
    const res = (await userAction({ request, params: { id: String(user.id) }, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { name: true, email: true, employeeNo: true, teamId: true, grade: true },
      }),
    ).toEqual({ name: "Edited", email: form.email, employeeNo: form.employeeNo, teamId: team.id, grade: "senior" });
    expect(await db.auditLog.count({ where: { subjectId: user.id, action: "user.update" } })).toBe(1);
  });

  it("refuses another user's e-mail or employee number on that field with 409", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const user = await createTestUser();
    const other = await createTestUser();
    const otherNo = (await db.user.findUniqueOrThrow({ where: { id: other.id } })).employeeNo;
    for (const [over, field] of [
      [{ email: other.email }, { email: "admin:err.emailTaken" }],
      [{ employeeNo: otherNo }, { employeeNo: "admin:err.employeeNoTaken" }],
    ] as const) {
      const request = await makeRequest(`/admin/users/${user.id}`, { userId: admin.id, form: profile(over) });
      const res = (await userAction({
        request,
        params: { id: String(user.id) },
        context: {},
      })) as unknown as DataResult;
      expect(res.init?.status).toBe(409);
      expect(res.data.errors).toEqual(field);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Edited");
  });
});

describe("admin: teams", () => {
  it("creates, renames, sets the lead, adds and removes members; refuses a taken name and a non-lead", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const name = `新团队 ${tag()}`;
    const created = (await newTeamAction({
      request: await makeRequest("/admin/teams", { userId: admin.id, form: { name } }),
      params: {},
      context: {},
    })) as Response;
    expect(created.status).toBe(302);
    const team = await db.team.findUniqueOrThrow({ where: { name } });
    const again = (await newTeamAction({
      request: await makeRequest("/admin/teams", { userId: admin.id, form: { name } }),
      params: {},
      context: {},
    })) as unknown as DataResult;
    expect(again.init?.status).toBe(409);

    const run = async (form: Record<string, string>) =>
      (await teamAction({
        request: await makeRequest(`/admin/teams/${team.id}`, { userId: admin.id, form }),
        params: { id: String(team.id) },
        context: {},
      })) as Response | DataResult;

    expect(((await run({ intent: "rename", name: `${name} 改` })) as Response).status).toBe(302);
    const trainee = await createTestUser();
    const notLead = (await run({ intent: "lead", leadId: String(trainee.id) })) as unknown as DataResult;
    expect(notLead.init?.status).toBe(409);
    const lead = await createTestUser({ roles: ["LEAD", "TRAINEE"] });
    expect(((await run({ intent: "lead", leadId: String(lead.id) })) as Response).status).toBe(302);
    expect(((await run({ intent: "add", userId: String(trainee.id) })) as Response).status).toBe(302);
    const after = await db.team.findUniqueOrThrow({
      where: { id: team.id },
      select: { name: true, leads: { select: { id: true } }, members: { select: { id: true } } },
    });
    expect(after).toEqual({ name: `${name} 改`, leads: [{ id: lead.id }], members: [{ id: trainee.id }] });
    expect(((await run({ intent: "remove", userId: String(trainee.id) })) as Response).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: trainee.id } })).teamId).toBeNull();
    const actions = await db.auditLog.findMany({
      where: { actorId: admin.id },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "team.create",
      "team.rename",
      "team.lead",
      "team.member.add",
      "team.member.remove",
    ]);
  });
});
