// HR moves a class and then cancels it from the session page; the calendar file downloaded before
// and after is read with an iCalendar parser: the same event (UID), a higher SEQUENCE, the new
// start, and at last METHOD:CANCEL (decision 040).
import type { Page } from "@playwright/test";
import { readIcs } from "../fixtures/ical";
import { e2eDb, expect, test } from "./fixtures";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A local (UTC+8) date some days ahead. */
function day(offset: number) {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A scheduled class at 09:00 local in a room of its own, with one attendee; a second free room. */
function seedClass(attendeeId: number) {
  const db = e2eDb();
  try {
    const tag = Date.now().toString(36);
    const rooms = [`改期 A ${tag}`, `改期 B ${tag}`];
    for (const name of rooms) db.prepare("INSERT INTO Room (name, capacity, active) VALUES (?, 20, 1)").run(name);
    const course = db.prepare("SELECT id FROM Course WHERE status = 'accepted' ORDER BY id LIMIT 1").get() as {
      id: number;
    };
    const trainer = db.prepare("SELECT id FROM User WHERE email = ?").get("trainer@weike.test") as { id: number };
    const start = Date.parse(`${day(45)}T09:00:00+08:00`);
    const session = db
      .prepare(
        "INSERT INTO TrainingSession (courseId, trainerId, startsAt, endsAt, room, status, createdAt) VALUES (?, ?, ?, ?, ?, 'scheduled', ?)",
      )
      .run(course.id, trainer.id, iso(start), iso(start + 3600_000), rooms[0], iso(Date.now()));
    db.prepare("INSERT INTO SessionAttendee (sessionId, userId) VALUES (?, ?)").run(
      session.lastInsertRowid,
      attendeeId,
    );
    return { id: Number(session.lastInsertRowid), rooms, start };
  } finally {
    db.close();
  }
}

async function downloadIcs(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download calendar file (.ics)" }).click();
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  return readIcs(Buffer.concat(chunks).toString("utf8"));
}

test("HR moves a class, then cancels it; the calendar file updates the same event", async ({
  page,
  loginAs,
  newUser,
}) => {
  test.setTimeout(60_000);
  const attendee = await newUser({ name: `学员 ${Date.now().toString(36)}` });
  const seeded = seedClass(attendee.id);

  await loginAs("hr@weike.test");
  await page.goto(`/schedule/${seeded.id}`);
  const before = await downloadIcs(page);
  expect(before).toMatchObject({ method: "PUBLISH", status: "CONFIRMED", sequence: 0 });
  expect(before.start.getTime()).toBe(seeded.start);

  const move = page.getByRole("region", { name: "Move to another time or room" });
  await move.getByLabel("New date").fill(day(46));
  await move.getByLabel("Start time").fill("14:00");
  await move.getByLabel("End time").fill("15:00");
  await move.getByLabel("Room").selectOption({ label: `${seeded.rooms[1]} (20)` });
  await move.getByRole("button", { name: "Move class" }).click();
  await expect(page.getByTestId("session-history")).toContainText("人力 陈静 moved the class from");
  await expect(page.getByTestId("session-history")).toContainText(`${day(46)} 14:00–15:00 ${seeded.rooms[1]}`);

  const after = await downloadIcs(page);
  expect(after.uid).toBe(before.uid);
  expect(after.sequence).toBeGreaterThan(before.sequence);
  expect(after.start.getTime()).toBe(Date.parse(`${day(46)}T14:00:00+08:00`));
  expect(after.location).toBe(seeded.rooms[1]);

  const cancel = page.getByRole("region", { name: "Cancel class" });
  await cancel.getByLabel("Reason for cancelling").fill("讲师临时出差");
  await cancel.getByRole("button", { name: "Cancel class" }).click();
  await expect(page.getByTestId("cancelled")).toContainText("讲师临时出差");
  await expect(page.getByRole("region", { name: "Move to another time or room" })).toHaveCount(0);

  const cancelled = await downloadIcs(page);
  expect(cancelled).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: before.uid });
  expect(cancelled.sequence).toBeGreaterThan(after.sequence);
});
