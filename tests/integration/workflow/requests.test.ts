// Raising a request through the real route actions: good input lands, bad input is refused with
// a message and stores nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as detailRoute from "~/routes/requests.$id";
import * as listRoute from "~/routes/requests._index";
import * as newRoute from "~/routes/requests.new";
import { bodyOf, future, get, post, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
beforeAll(async () => {
  w = await world();
});

const count = () => db.trainingRequest.count();

async function refused(form: Record<string, string | string[]>, field: string, key: string, userId = w.lead.id) {
  const before = await count();
  const res = await post(newRoute, "/requests/new", userId, form);
  expect(statusOf(res)).toBe(400);
  expect(bodyOf<{ errors: Record<string, string> }>(res).errors[field]).toBe(key);
  expect(await count()).toBe(before);
}

describe("raising a request", () => {
  it("stores the request, its attendees, the first timeline entry, and tells HR", async () => {
    const res = await post(newRoute, "/requests/new", w.lead.id, requestForm(w));
    expect(statusOf(res)).toBe(302);
    const id = Number((res as Response).headers.get("Location")!.split("/").pop());
    const r = await db.trainingRequest.findUniqueOrThrow({
      where: { id },
      include: { attendees: true, transitions: true },
    });
    expect(r).toMatchObject({
      state: "submitted",
      headcount: 3,
      teamId: w.team.id,
      priority: 3,
      slotKind: "morning",
      version: 1,
    });
    expect(r.attendees.map((a) => a.userId).sort()).toEqual(
      w.agents
        .slice(0, 3)
        .map((a) => a.id)
        .sort(),
    );
    expect(r.transitions).toMatchObject([{ action: "create", toState: "submitted", actorId: w.lead.id }]);
    expect(JSON.parse(r.preferred)).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: w.hr.id, kind: "submitted" } })).toBeGreaterThan(0);
  });

  it("lets a trainee request for themself only", async () => {
    const me = w.agents[3];
    const ok = await post(newRoute, "/requests/new", me.id, requestForm(w, { attendees: [String(me.id)] }));
    expect(statusOf(ok)).toBe(302);
    await refused(
      requestForm(w, { attendees: [String(w.agents[0].id)] }),
      "attendees",
      "workflow:err.outsideTeam",
      me.id,
    );
  });

  it("a double post of one form creates one request", async () => {
    const form = requestForm(w);
    const before = await count();
    const [a, b] = await Promise.all([
      post(newRoute, "/requests/new", w.lead.id, form),
      post(newRoute, "/requests/new", w.lead.id, form),
    ]);
    expect(statusOf(a)).toBe(302);
    expect(statusOf(b)).toBe(302);
    expect((a as Response).headers.get("Location")).toBe((b as Response).headers.get("Location"));
    expect(await count()).toBe(before + 1);
  });
});

describe("bad input is refused and nothing is stored", () => {
  it("a preferred date in the past", () =>
    refused(requestForm(w, { pref1: "2020-01-01T09:00" }), "pref1", "workflow:err.datePast"));
  it("an impossible date", () =>
    refused(requestForm(w, { pref2: "2030-02-30T09:00" }), "pref2", "workflow:err.dateInvalid"));
  it("only one preferred date", () => refused(requestForm(w, { pref2: "" }), "pref1", "workflow:err.prefCount"));
  it("the same date twice", () =>
    refused(requestForm(w, { pref2: future(10) }), "pref2", "workflow:err.dateDuplicate"));
  it("headcount 0", () => refused(requestForm(w, { attendees: [] }), "attendees", "workflow:err.headcountZero"));
  it("an attendee outside the requester's team", () =>
    refused(requestForm(w, { attendees: [String(w.stranger.id)] }), "attendees", "workflow:err.outsideTeam"));
  it("an unknown course", () =>
    refused(requestForm(w, { target: "course:999999" }), "target", "workflow:err.unknownCourse"));
  it("a retired course", () =>
    refused(requestForm(w, { target: `course:${w.retired.id}` }), "target", "workflow:err.retiredCourse"));
  it("no need given", () => refused(requestForm(w, { need: "   " }), "need", "workflow:err.need"));
  it("an unknown slot kind", () =>
    refused(requestForm(w, { slotKind: "midnight" }), "slotKind", "workflow:err.slotKind"));
});

describe("who sees what", () => {
  it("someone else's request is a 404, not a hint that it exists", async () => {
    const res = await post(newRoute, "/requests/new", w.lead.id, requestForm(w));
    const id = (res as Response).headers.get("Location")!.split("/").pop()!;
    const stranger = await get(detailRoute, `/requests/${id}`, w.stranger.id, { id });
    expect(statusOf(stranger)).toBe(404);
    const missing = await get(detailRoute, "/requests/999999", w.hr.id, { id: "999999" });
    expect(statusOf(missing)).toBe(404);
    const attendee = await get(detailRoute, `/requests/${id}`, w.agents[0].id, { id });
    expect(statusOf(attendee)).toBe(200);
    // Acting on it is refused the same way, and the state does not move.
    const act = await post(
      detailRoute,
      `/requests/${id}`,
      w.stranger.id,
      { intent: "transition", action: "cancel", version: "1", reason: "mine now" },
      { id },
    );
    expect(statusOf(act)).toBe(404);
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id: Number(id) } })).state).toBe("submitted");
  });

  it("the requester lists only their own; HR lists all with counts per state", async () => {
    const mine = bodyOf<{ rows: { id: number }[]; counts: Record<string, number> }>(
      await get(listRoute, "/requests", w.agents[3].id),
    );
    const own = await db.trainingRequest.count({ where: { requesterId: w.agents[3].id } });
    expect(mine.rows).toHaveLength(own);
    const hr = bodyOf<{ total: number; counts: Record<string, number> }>(
      await get(listRoute, "/requests?sort=oldest", w.hr.id),
    );
    expect(hr.total).toBe(await count());
    expect(hr.counts.submitted).toBe(await db.trainingRequest.count({ where: { state: "submitted" } }));
  });
});
