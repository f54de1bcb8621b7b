import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action as rosterAction, loader as rosterLoader } from "~/routes/roster._index";
import { loader as weekLoader } from "~/routes/roster.teams.$id";
import { createTestTeam, createTestUser, makeRequest, sessionCookieFor, settle } from "../../fixtures/users";

type DataResult = { data: Record<string, unknown>; init: ResponseInit | null };
type Preview = {
  problems: { line: number; key: string }[];
  counts: { lines: number; badLines: number; errors: number; people: number };
  csv: string | null;
};

async function employeeNo(id: number) {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { employeeNo: true } })).employeeNo;
}

async function preview(userId: number, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append("file", new File([bytes], "roster.csv", { type: "text/csv" }));
  const request = new Request("http://localhost/roster", {
    method: "POST",
    headers: { Cookie: await sessionCookieFor(userId) },
    body: form,
  });
  const res = (await rosterAction({ request, params: {}, context: {} })) as DataResult;
  return { status: res.init?.status ?? 200, data: res.data as { preview?: Preview; errors?: Record<string, string> } };
}

async function apply(userId: number, csv: string, skip?: number) {
  const form: Record<string, string> = { intent: "apply", csv };
  if (skip !== undefined) form.skip = String(skip);
  const request = await makeRequest("/roster", { userId, form });
  const res = (await rosterAction({ request, params: {}, context: {} })) as Response | DataResult;
  return res instanceof Response ? { status: res.status } : { status: res.init?.status ?? 200, data: res.data };
}

const entriesOf = (ids: number[]) =>
  db.rosterEntry.findMany({
    where: { userId: { in: ids } },
    orderBy: [{ userId: "asc" }, { day: "asc" }],
    select: { userId: true, day: true, code: true, startMin: true, endMin: true, rest: true },
  });

async function setup() {
  const hr = await createTestUser({ roles: ["HR"] });
  const team = await createTestTeam();
  const a = await createTestUser({ teamId: team.id, name: "甲" });
  const b = await createTestUser({ teamId: team.id, name: "乙" });
  return { hr, team, a, b, noA: await employeeNo(a.id), noB: await employeeNo(b.id) };
}

describe("roster import", () => {
  it("previews a GB18030 file without storing, then imports it in one go with an audit entry", async () => {
    const { hr, a, b, noA, noB } = await setup();
    const text = `工号,日期,班次,开始时间,结束时间\r\n${noA},2026-03-02,早班,,\r\n${noB},2026-03-02,,10:00,19:00\r\n${noA},2026-03-03,休,,\r\n`;
    const { status, data } = await preview(hr.id, new Uint8Array(iconv.encode(text, "gb18030")));
    expect(status).toBe(200);
    expect(data.preview!.counts).toEqual({ lines: 3, badLines: 0, errors: 0, people: 2 });
    expect(data.preview!.csv).toBe(text);
    expect(await entriesOf([a.id, b.id])).toEqual([]);

    const audits = await db.auditLog.count({ where: { action: "roster.import" } });
    expect((await apply(hr.id, data.preview!.csv!)).status).toBe(302);
    expect(await entriesOf([a.id, b.id])).toEqual([
      { userId: a.id, day: "2026-03-02", code: "早班", startMin: 480, endMin: 1020, rest: false },
      { userId: a.id, day: "2026-03-03", code: "休", startMin: 0, endMin: 0, rest: true },
      { userId: b.id, day: "2026-03-02", code: "", startMin: 600, endMin: 1140, rest: false },
    ]);
    expect(await db.auditLog.count({ where: { action: "roster.import" } })).toBe(audits + 1);
  });

  it("stores nothing while lines have errors, and only the clean lines once the bad ones are skipped", async () => {
    const { hr, a, b, noA, noB } = await setup();
    const text = `工号,日期,班次\n${noA},2026-04-01,早班\n${noB},2026-02-30,早班\nNOBODY,2026-04-01,早班\n${noB},2026-04-02,中班\n`;
    const { status, data } = await preview(hr.id, new TextEncoder().encode(text));
    expect(status).toBe(400);
    expect(data.preview!.problems.map((p) => [p.line, p.key])).toEqual([
      [3, "roster:import.err.badDate"],
      [4, "roster:import.err.unknownUser"],
    ]);
    // Without ticking the skip box, or with a count that no longer matches: nothing stored.
    expect((await apply(hr.id, text)).status).toBe(409);
    expect((await apply(hr.id, text, 1)).status).toBe(409);
    expect(await entriesOf([a.id, b.id])).toEqual([]);
    expect((await apply(hr.id, text, 2)).status).toBe(302);
    expect((await entriesOf([a.id, b.id])).map((e) => [e.userId, e.day, e.code])).toEqual([
      [a.id, "2026-04-01", "早班"],
      [b.id, "2026-04-02", "中班"],
    ]);
  });

  it("re-importing replaces, for the people in the file, their shifts from its first to its last day", async () => {
    const { hr, a, b, noA, noB } = await setup();
    const first = `工号,日期,班次\n${noA},2026-05-01,早班\n${noA},2026-05-02,早班\n${noA},2026-05-03,早班\n${noA},2026-05-10,早班\n${noB},2026-05-02,晚班\n`;
    expect((await apply(hr.id, first)).status).toBe(302);
    // The second file covers May 1–3 for A only: A's May 2 disappears, A's May 10 and B stay.
    const second = `工号,日期,班次\n${noA},2026-05-01,中班\n${noA},2026-05-03,休\n`;
    expect((await apply(hr.id, second)).status).toBe(302);
    expect((await entriesOf([a.id, b.id])).map((e) => [e.userId, e.day, e.code])).toEqual([
      [a.id, "2026-05-01", "中班"],
      [a.id, "2026-05-03", "休"],
      [a.id, "2026-05-10", "早班"],
      [b.id, "2026-05-02", "晚班"],
    ]);
  });

  it("refuses a file in neither encoding, and anyone but HR", async () => {
    const { hr, a, team } = await setup();
    const bad = await preview(hr.id, new Uint8Array([0x41, 0xff, 0xfe, 0x0a]));
    expect(bad.status).toBe(400);
    expect(bad.data.errors?.file).toBe("roster:import.err.encoding");
    const lead = await createTestUser({ roles: ["LEAD"] });
    const r = await settle(async () => apply(lead.id, "工号,日期,班次\n"));
    expect((r.value as Response).status).toBe(403);
    // A lead reads only the teams they lead; a trainee not at all.
    const week = (userId: number) =>
      settle(async () =>
        weekLoader({
          request: await makeRequest(`/roster/teams/${team.id}`, { userId }),
          params: { id: String(team.id) },
          context: {},
        }),
      );
    expect(((await week(lead.id)).value as Response).status).toBe(403);
    await db.team.update({ where: { id: team.id }, data: { leads: { connect: { id: lead.id } } } });
    expect((await week(lead.id)).thrown).toBe(false);
    expect(((await week(a.id)).value as Response).status).toBe(403);
    const list = await rosterLoader({
      request: await makeRequest("/roster", { userId: lead.id }),
      params: {},
      context: {},
    });
    expect(list.teams.map((t) => t.id)).toEqual([team.id]);
  });
});
