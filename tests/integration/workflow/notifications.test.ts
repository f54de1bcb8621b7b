// Reading a page never marks notices read; only an explicit POST does.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { loader as scheduleLoader } from "~/routes/schedule._index";
import { createTestUser, makeRequest } from "../../fixtures/users";

async function noticeFor(userId: number, link: string) {
  return db.notification.create({
    data: { userId, kind: "sessionScheduled", params: "{}", link },
    select: { id: true },
  });
}

const readAt = async (id: number) =>
  (await db.notification.findUniqueOrThrow({ where: { id }, select: { readAt: true } })).readAt;

describe("notifications are marked read only on POST", () => {
  it("visiting the page a notice points at leaves it unread", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const notice = await noticeFor(trainer.id, "/schedule");
    await scheduleLoader({ request: await makeRequest("/schedule", { userId: trainer.id }), params: {}, context: {} });
    expect(await readAt(notice.id)).toBeNull();
  });

  it("listing notices leaves them unread", async () => {
    const user = await createTestUser();
    const notice = await noticeFor(user.id, "/courses");
    await notificationsLoader({
      request: await makeRequest("/notifications", { userId: user.id }),
      params: {},
      context: {},
    });
    expect(await readAt(notice.id)).toBeNull();
  });

  it("opening one notice by POST marks only it read and goes to its page", async () => {
    const user = await createTestUser();
    const opened = await noticeFor(user.id, "/courses");
    const other = await noticeFor(user.id, "/exams");
    const request = await makeRequest("/notifications", {
      userId: user.id,
      form: { intent: "open", id: String(opened.id) },
    });
    const response = (await notificationsAction({ request, params: {}, context: {} })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/courses");
    expect(await readAt(opened.id)).not.toBeNull();
    expect(await readAt(other.id)).toBeNull();
  });

  it("a notice of someone else cannot be opened", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const notice = await noticeFor(owner.id, "/courses");
    const request = await makeRequest("/notifications", {
      userId: stranger.id,
      form: { intent: "open", id: String(notice.id) },
    });
    const response = (await notificationsAction({ request, params: {}, context: {} })) as Response;
    expect(response.headers.get("Location")).toBe("/notifications");
    expect(await readAt(notice.id)).toBeNull();
  });

  it("marking all read by POST marks every notice read", async () => {
    const user = await createTestUser();
    const a = await noticeFor(user.id, "/courses");
    const b = await noticeFor(user.id, "/exams");
    const request = await makeRequest("/notifications", { userId: user.id, form: { intent: "all" } });
    await notificationsAction({ request, params: {}, context: {} });
    expect(await readAt(a.id)).not.toBeNull();
    expect(await readAt(b.id)).not.toBeNull();
  });
});
