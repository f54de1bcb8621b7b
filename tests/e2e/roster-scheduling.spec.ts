// Issue 16 done: HR imports a roster saved by Chinese Excel (GB18030), schedules a five-module
// series requested "separately" from the form's roster proposals, finds it in five successive
// morning classes with nobody on a rest day, moves one class, and the calendar file updates the
// same event (decisions 039, 040, 044).
import type { Page } from "@playwright/test";
import iconv from "iconv-lite";
import { readIcs } from "../fixtures/ical";
import { e2eDb, expect, test } from "./fixtures";

/** A local (UTC+8) date some days ahead. */
function day(offset: number) {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

async function downloadIcs(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download calendar file (.ics)" }).click();
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  return readIcs(Buffer.concat(chunks).toString("utf8"));
}

/** A series of five accepted modules the trainer is qualified for, and an approved request for it. */
async function seedRequest(leadId: number, attendees: number[], trainerEmail: string) {
  const { db } = await import("#app/lib/db.server");
  const { createRequest } = await import("#app/workflow/requests.server");
  const { applyTransition } = await import("#app/workflow/transitions.server");
  const lead = await db.user.findUniqueOrThrow({ where: { id: leadId }, select: { teamId: true } });
  await db.team.update({ where: { id: lead.teamId! }, data: { leads: { connect: { id: leadId } } } });
  const trainer = await db.user.findUniqueOrThrow({ where: { email: trainerEmail }, select: { id: true } });
  const hr = await db.user.findUniqueOrThrow({ where: { email: "hr@weike.test" }, select: { id: true } });
  const tag = Date.now().toString(36);
  const series = await db.series.create({
    data: { slug: `roster-five-${tag}`, titleZh: `营销五步 ${tag}`, titleEn: `Five steps ${tag}`, merge: "none" },
    select: { id: true },
  });
  for (let i = 1; i <= 5; i++) {
    const c = await db.course.create({
      data: {
        slug: `roster-five-${tag}-${i}`,
        titleZh: `第${i}步 ${tag}`,
        titleEn: `Step ${i} ${tag}`,
        area: "customer-service",
        status: "accepted",
        seriesId: series.id,
        position: i,
        durationMinutes: 60,
      },
      select: { id: true },
    });
    // In the library: a live version, as HR entering it would leave it (decision 035).
    const v = await db.courseVersion.create({
      data: { courseId: c.id, version: 1, contentHash: `live-${c.id}`, frontMatter: "{}", body: "" },
      select: { id: true },
    });
    await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId: v.id } });
    await db.trainerQualification.create({ data: { trainerId: trainer.id, courseId: c.id, source: "hr" } });
  }
  const { id } = await createRequest({ id: leadId, roles: ["LEAD"], name: "Lead" }, {
    token: `roster-${tag}`,
    target: `series:${series.id}`,
    attendees,
    slotKind: "morning",
    pref1: `${day(29)}T08:00`,
    pref2: `${day(30)}T08:00`,
    pref3: "",
    need: "新人上岗前需要完整的营销五步训练。",
    priority: 2,
    delivery: "separate",
  } as never);
  await applyTransition({ id: hr.id, roles: ["HR"], name: "HR" }, id, "approve", 1);
  return { id, trainerId: trainer.id };
}

test("HR imports an Excel roster and schedules a separate series into successive morning classes", async ({
  page,
  loginAs,
  newUser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const lead = await newUser({ roles: ["LEAD"], name: `组长 ${stamp}`, firstTeam: true });
  const a = await newUser({ name: `学员甲 ${stamp}`, firstTeam: true });
  const b = await newUser({ name: `学员乙 ${stamp}`, firstTeam: true });
  const conn = e2eDb();
  const no = (id: number) =>
    (conn.prepare("SELECT employeeNo FROM User WHERE id = ?").get(id) as { employeeNo: string }).employeeNo;
  const [noA, noB] = [no(a.id), no(b.id)];
  conn.close();
  const request = await seedRequest(lead.id, [a.id, b.id], "trainer@weike.test");

  // Eight days of early shifts; 学员乙 rests on the second day.
  const days = Array.from({ length: 8 }, (_, i) => day(18 + i));
  let text = "工号,日期,班次,开始时间,结束时间\r\n";
  for (const [i, d] of days.entries()) {
    const excel = d.replace(/-0?/g, "/");
    text += `${noA},${excel},早班,,\r\n${noB},${excel},${i === 1 ? "休" : "早班"},,\r\n`;
  }
  await loginAs("hr@weike.test");
  await page.goto("/roster");
  await page
    .getByLabel("Roster file (CSV)")
    .setInputFiles({ name: "排班.csv", mimeType: "text/csv", buffer: iconv.encode(text, "gb18030") });
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import the roster" }).click();
  await expect(page.getByRole("status").first()).toContainText("Imported 16 roster lines");

  // The proposals for this trainer: five clean mornings; the day 学员乙 rests is not among them.
  await page.goto(`/requests/${request.id}`);
  await page.getByLabel("Proposals for").selectOption(String(request.trainerId));
  await page.getByRole("button", { name: "Update proposals" }).click();
  const proposals = page.getByTestId("proposals");
  await expect(proposals.getByRole("radio")).toHaveCount(6);
  await expect(proposals.locator(`input[value="${days[1]}T08:00"]`)).toHaveCount(0);
  await expect(proposals.getByText("everyone on duty")).toHaveCount(5);
  await proposals.locator(`input[value="${days[0]}T08:00"]`).check();
  await page.getByLabel("Online link (optional)").fill("https://meet.example/five");
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText("Scheduled: 5 sessions");

  const conn2 = e2eDb();
  const sessions = conn2
    .prepare("SELECT id, startsAt FROM TrainingSession WHERE requestId = ? ORDER BY startsAt")
    .all(request.id) as { id: number; startsAt: string }[];
  conn2.close();
  const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
  expect(sessions.map((s) => local(s.startsAt))).toEqual([0, 2, 3, 4, 5].map((i) => `${days[i]}T08:00`));

  // Move the third class to the next free morning; the calendar file updates the same event.
  await page.goto(`/schedule/${sessions[2]!.id}`);
  const before = await downloadIcs(page);
  const move = page.getByRole("region", { name: "Move to another time or room" });
  await move.getByLabel("New date").fill(days[6]!);
  await move.getByLabel("Start time").fill("08:00");
  await move.getByLabel("End time").fill("09:00");
  await move.getByRole("button", { name: "Move class" }).click();
  await expect(page.getByTestId("session-history")).toContainText(`${days[6]} 08:00–09:00`);
  const after = await downloadIcs(page);
  expect(after.uid).toBe(before.uid);
  expect(after.sequence).toBeGreaterThan(before.sequence);
  expect(after.start.getTime()).toBe(Date.parse(`${days[6]}T08:00:00+08:00`));
});
