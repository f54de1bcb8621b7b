// Review moves through the request page's action: rules, reasons, races and double posts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as notificationsRoute from "~/routes/notifications";
import * as detailRoute from "~/routes/requests.$id";
import * as editRoute from "~/routes/requests.$id_.edit";
import { createRequest } from "~/workflow/requests.server";
import { bodyOf, get, post, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
beforeAll(async () => {
  w = await world();
});

async function fresh() {
  const f = requestForm(w);
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD", "TRAINEE"], name: "Lead" }, {
    ...f,
    attendees: f.attendees.map(Number),
    priority: 3,
    slotKind: "morning",
    delivery: "single",
  } as never);
  return id;
}

function act(id: number, userId: number, action: string, version: number, reason = "") {
  return post(
    detailRoute,
    `/requests/${id}`,
    userId,
    { intent: "transition", action, version: String(version), reason },
    { id: String(id) },
  );
}

const stateOf = async (id: number) =>
  db.trainingRequest.findUniqueOrThrow({ where: { id }, select: { state: true, version: true } });
const moves = (id: number) => db.requestTransition.count({ where: { requestId: id } });

describe("review", () => {
  it("HR approves; the move is in the timeline and the requester is told", async () => {
    const id = await fresh();
    const res = await act(id, w.hr.id, "approve", 1);
    expect(statusOf(res)).toBe(302);
    expect(await stateOf(id)).toEqual({ state: "approved", version: 2 });
    const trail = await db.requestTransition.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(trail.map((t) => [t.action, t.fromState, t.toState, t.actorId])).toEqual([
      ["create", "", "submitted", w.lead.id],
      ["approve", "submitted", "approved", w.hr.id],
    ]);
    expect(await db.notification.count({ where: { userId: w.lead.id, kind: "approved" } })).toBe(1);
  });

  it("a rejection without a reason is refused; with one it lands and keeps the reason", async () => {
    const id = await fresh();
    const bare = await act(id, w.hr.id, "reject", 1, "  ");
    expect(statusOf(bare)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(bare).errors.reason).toBe("workflow:err.reasonRequired");
    expect(await stateOf(id)).toEqual({ state: "submitted", version: 1 });
    expect(await moves(id)).toBe(1);
    const ok = await act(id, w.hr.id, "reject", 1, "Covered by next month's course");
    expect(statusOf(ok)).toBe(302);
    const row = await db.requestTransition.findFirstOrThrow({ where: { requestId: id, action: "reject" } });
    expect(row.comment).toBe("Covered by next month's course");
  });

  it("a requester cannot approve their own request", async () => {
    const id = await fresh();
    const res = await act(id, w.lead.id, "approve", 1);
    expect(statusOf(res)).toBe(403);
    expect(await stateOf(id)).toEqual({ state: "submitted", version: 1 });
  });

  it("an illegal transition is refused with a clear message and the state does not move", async () => {
    const id = await fresh();
    const res = await act(id, w.hr.id, "archive", 1);
    expect(statusOf(res)).toBe(409);
    expect(bodyOf<{ errors: Record<string, string> }>(res).errors._form).toBe("workflow:err.illegal");
    expect(await stateOf(id)).toEqual({ state: "submitted", version: 1 });
  });

  it("returned → edited and resubmitted by the requester → submitted again", async () => {
    const id = await fresh();
    expect(statusOf(await act(id, w.hr.id, "return", 1, "Add a fourth agent"))).toBe(302);
    const form = requestForm(w, { attendees: w.agents.map((a) => String(a.id)), version: "2" });
    const res = await post(editRoute, `/requests/${id}/edit`, w.lead.id, form, { id: String(id) });
    expect(statusOf(res)).toBe(302);
    const r = await db.trainingRequest.findUniqueOrThrow({ where: { id } });
    expect(r).toMatchObject({ state: "submitted", headcount: 4, version: 3 });
    // Someone else cannot edit it.
    const other = await post(editRoute, `/requests/${id}/edit`, w.stranger.id, form, { id: String(id) });
    expect(statusOf(other)).toBe(404);
  });

  it("the requester may cancel with a reason", async () => {
    const id = await fresh();
    expect(statusOf(await act(id, w.lead.id, "cancel", 1))).toBe(400);
    expect(statusOf(await act(id, w.lead.id, "cancel", 1, "Team reassigned"))).toBe(302);
    expect((await stateOf(id)).state).toBe("cancelled");
  });
});

describe("concurrency", () => {
  it("two HR users acting at once: exactly one wins, the other gets 409 with the current state", async () => {
    const id = await fresh();
    const [a, b] = await Promise.all([act(id, w.hr.id, "approve", 1), act(id, w.hr2.id, "reject", 1, "No budget")]);
    const statuses = [statusOf(a), statusOf(b)].sort();
    expect(statuses).toEqual([302, 409]);
    const loser = statusOf(a) === 409 ? a : b;
    const body = bodyOf<{ errors: Record<string, string>; params: { state: string } }>(loser);
    expect(body.errors._form).toBe("workflow:err.changed");
    const now = await stateOf(id);
    expect(body.params.state).toBe(now.state);
    expect(now.version).toBe(2);
    expect(await moves(id)).toBe(2);
  });

  it("ten racers on one request: one move, nothing half-written", async () => {
    const id = await fresh();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => act(id, i % 2 ? w.hr.id : w.hr2.id, "approve", 1)),
    );
    expect(results.filter((r) => statusOf(r) === 302)).toHaveLength(1);
    expect(results.filter((r) => statusOf(r) === 409)).toHaveLength(9);
    expect(await moves(id)).toBe(2);
    expect(
      await db.notification.count({
        where: { userId: w.lead.id, kind: "approved", params: { contains: `"id":${id},` } },
      }),
    ).toBe(1);
  });

  it("a double-clicked approve: the second post is refused and nothing moves twice", async () => {
    const id = await fresh();
    expect(statusOf(await act(id, w.hr.id, "approve", 1))).toBe(302);
    const again = await act(id, w.hr.id, "approve", 1);
    expect(statusOf(again)).toBe(409);
    expect(bodyOf<{ params: { state: string } }>(again).params.state).toBe("approved");
    expect(await moves(id)).toBe(2);
  });
});

describe("notices", () => {
  it("viewing the request leaves its notice unread; opening the notice marks it read", async () => {
    const id = await fresh();
    await act(id, w.hr.id, "approve", 1);
    const where = { userId: w.lead.id, link: `/requests/${id}` };
    const unread = () => db.notification.count({ where: { ...where, readAt: null } });
    expect(await unread()).toBe(1);
    await get(detailRoute, `/requests/${id}`, w.lead.id, { id: String(id) });
    expect(await unread()).toBe(1);
    const notice = await db.notification.findFirstOrThrow({ where, select: { id: true } });
    const opened = await post(notificationsRoute, "/notifications", w.lead.id, {
      intent: "open",
      id: String(notice.id),
    });
    expect(statusOf(opened)).toBe(302);
    expect(await unread()).toBe(0);
  });
});
