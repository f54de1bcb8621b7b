import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ACTOR_ROLES,
  STATES,
  actorRoles,
  availableActions,
  decide,
  type ActorRole,
  type RequestAction,
  type RequestState,
} from "~/workflow/state-machine";

// The rules of the issue written out by hand, independently of the module's table:
// "state action role" → target state. Every triple not listed must be refused.
const ALLOWED: Record<string, RequestState> = {};
function allow(from: RequestState, action: RequestAction, roles: ActorRole[], to: RequestState) {
  for (const r of roles) ALLOWED[`${from} ${action} ${r}`] = to;
}
allow("submitted", "approve", ["hr", "admin"], "approved");
allow("submitted", "reject", ["hr", "admin"], "rejected");
allow("submitted", "return", ["hr", "admin"], "returned");
allow("returned", "resubmit", ["requester"], "submitted");
allow("approved", "schedule", ["hr", "admin"], "scheduled");
allow("scheduled", "deliver", ["trainer", "admin"], "delivered");
allow("delivered", "archive", ["hr", "admin"], "archived");
for (const s of ["submitted", "returned", "approved", "scheduled"] as const)
  allow(s, "cancel", ["requester", "hr", "admin"], "cancelled");

const LEGAL = new Set(Object.keys(ALLOWED).map((k) => k.split(" ").slice(0, 2).join(" ")));
const REASONED = new Set<RequestAction>(["reject", "cancel", "return"]);

describe("state machine: every state × every action × every role", () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      for (const role of ACTOR_ROLES) {
        const key = `${state} ${action} ${role}`;
        it(key, () => {
          const result = decide(state, action, [role], "because the team asked");
          if (ALLOWED[key]) {
            expect(result).toEqual({ ok: true, to: ALLOWED[key] });
          } else if (!LEGAL.has(`${state} ${action}`)) {
            expect(result).toEqual({ ok: false, error: "illegal" });
          } else {
            expect(result).toEqual({ ok: false, error: "forbidden" });
          }
        });
      }
      it(`${state} ${action} with no standing at all is refused`, () => {
        expect(decide(state, action, [], "x").ok).toBe(false);
      });
    }
  }
});

describe("reasons", () => {
  for (const action of ACTIONS) {
    const from = STATES.find((s) => LEGAL.has(`${s} ${action}`))!;
    const role = ACTOR_ROLES.find((r) => ALLOWED[`${from} ${action} ${r}`])!;
    it(`${action} ${REASONED.has(action) ? "requires" : "does not require"} a reason`, () => {
      const blank = decide(from, action, [role], "   ");
      if (REASONED.has(action)) expect(blank).toEqual({ ok: false, error: "reasonRequired" });
      else expect(blank.ok).toBe(true);
    });
  }
  it("refuses a reason longer than 1000 characters", () => {
    expect(decide("submitted", "reject", ["hr"], "x".repeat(1001))).toEqual({ ok: false, error: "reasonTooLong" });
    expect(decide("submitted", "reject", ["hr"], "x".repeat(1000)).ok).toBe(true);
  });
});

describe("terminal states", () => {
  for (const state of ["rejected", "archived", "cancelled"] as const) {
    it(`${state} has no way out for anyone`, () => {
      expect(availableActions(state, [...ACTOR_ROLES])).toEqual([]);
    });
  }
  it("delivered cannot be cancelled, only archived", () => {
    expect(availableActions("delivered", [...ACTOR_ROLES])).toEqual(["archive"]);
  });
});

describe("available actions and standing", () => {
  it("combines the standings of one person", () => {
    expect(availableActions("submitted", ["requester"])).toEqual(["cancel"]);
    expect(availableActions("submitted", ["requester", "hr"])).toEqual(["approve", "reject", "return", "cancel"]);
    expect(availableActions("scheduled", ["trainer"])).toEqual(["deliver"]);
  });
  it("derives standing from the viewer and the request", () => {
    expect(actorRoles({ id: 1, roles: ["LEAD"] }, { requesterId: 1, trainerId: null })).toEqual(["requester"]);
    expect(actorRoles({ id: 2, roles: ["TRAINER"] }, { requesterId: 1, trainerId: null })).toEqual([]);
    expect(actorRoles({ id: 2, roles: ["TRAINER"] }, { requesterId: 1, trainerId: 2 })).toEqual(["trainer"]);
    expect(actorRoles({ id: 3, roles: ["HR", "ADMIN"] }, { requesterId: 1, trainerId: 2 })).toEqual(["hr", "admin"]);
  });
});

describe("who moves next", () => {
  it("names the people the request waits for", async () => {
    const { nextActors } = await import("~/workflow/state-machine");
    expect(nextActors("submitted")).toEqual(["hr"]);
    expect(nextActors("returned")).toEqual(["requester"]);
    expect(nextActors("approved")).toEqual(["hr"]);
    expect(nextActors("scheduled")).toEqual(["trainer"]);
    expect(nextActors("delivered")).toEqual(["hr"]);
    expect(nextActors("archived")).toEqual([]);
  });
});
