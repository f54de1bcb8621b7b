// A morning class on the first of the month belongs to that day and month in the centre's zone
// (Asia/Shanghai), in the dashboard figures and in both CSV exports — not to the UTC day before.
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/dashboard";
import { submitResponse } from "~/surveys/respond.server";
import { at } from "../../fixtures/lists";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { deliveredSession } from "./helpers";

// 2026-12-01 07:30 in Asia/Shanghai is still 2026-11-30 in UTC.
const held = new Date("2026-11-30T23:30:00.000Z");
const answeredAt = new Date("2026-11-30T23:45:00.000Z");
let hr: { id: number };
let sessionId: number;

beforeAll(async () => {
  hr = await createTestUser({ roles: ["HR"] });
  const person = await createTestUser();
  const s = await deliveredSession({
    startsAt: held,
    now: new Date("2026-11-30T23:40:00.000Z"),
    attendees: [{ userId: person.id }],
  });
  sessionId = s.sessionId;
  const r = await submitResponse(
    s.surveyId,
    person.id,
    { overall: 5, relevance: 5, helpful: 5, delivery: 5, pace: 5, recommend: 10, comment: "", extra: {} },
    "new",
    answeredAt,
  );
  expect(r).toBe("created");
});

async function dashboard(from: string, to: string) {
  const request = await makeRequest(`/dashboard?from=${from}&to=${to}`, { userId: hr.id });
  return loader({ request, params: {}, context: {} });
}

async function csv(path: string) {
  const { loader: load } = path.startsWith("/dashboard/figures")
    ? await import("~/routes/dashboard.figures[.]csv")
    : await import("~/routes/dashboard.responses[.]csv");
  const request = await makeRequest(path, { userId: hr.id, headers: { "Accept-Language": "en" } });
  const res = (await load({ request, params: {}, context: {} })) as Response;
  return (await res.text()).replace(/^\uFEFF/, "");
}

describe("the local day of a 07:30 class on the 1st", () => {
  it("counts in December on the dashboard, not in November", async () => {
    const december = await dashboard("2026-12-01", "2026-12-31");
    expect(december.kpis.responses).toBe(1);
    expect(december.trend.find((p) => p.month === "2026-12")?.all?.responses).toBe(1);
    expect(december.sessions.map((s) => s.sessionId)).toEqual([sessionId]);
    const november = await dashboard("2026-11-01", "2026-11-30");
    expect(november.kpis.responses).toBe(0);
    expect(november.trend.find((p) => p.month === "2026-11")?.all).toBeNull();
  });

  it("puts the month bucket on December even when the range spans both months", async () => {
    const both = await dashboard("2026-11-01", "2026-12-31");
    expect(both.trend.find((p) => p.month === "2026-11")?.all).toBeNull();
    expect(both.trend.find((p) => p.month === "2026-12")?.all?.responses).toBe(1);
  });

  it("is dated 2026-12-01 in the figures CSV, in the December line", async () => {
    const lines = (await csv("/dashboard/figures.csv?from=2026-11-01&to=2026-12-31")).trim().split("\r\n");
    expect(lines.filter((l) => l.startsWith("Month,"))).toEqual([expect.stringMatching(/^Month,2026-12,1,1,/)]);
    expect(lines.find((l) => l.startsWith("Session,"))).toMatch(new RegExp(`^Session,#${sessionId} 2026-12-01 `));
  });

  it("is dated 2026-12-01 07:45 in the responses CSV", async () => {
    const rows = (await csv("/dashboard/responses.csv?from=2026-12-01&to=2026-12-01")).trim().split("\r\n");
    expect(rows).toHaveLength(2);
    const cells = at(rows, 1).split(",");
    expect(cells[0]).toBe(String(sessionId));
    expect(cells[1]).toBe("2026-12-01");
    expect(cells[8]).toBe("2026-12-01 07:45");
  });
});
