import { describe, expect, it } from "vitest";
import { ROSTER_MAX_BYTES } from "~/lib/body-limits";
import { db } from "~/lib/db.server";
import { action as rosterAction } from "~/routes/roster._index";
import { createTestUser, makeRequest, sessionCookieFor } from "../../fixtures/users";

type DataResult = { data: Record<string, unknown>; init: ResponseInit | null };
type Preview = {
  problems: { line: number; key: string }[];
  more: number;
  counts: { lines: number; badLines: number; errors: number; people: number };
  csv: string | null;
};

async function preview(userId: number, text: string) {
  const form = new FormData();
  form.append("file", new File([text], "roster.csv", { type: "text/csv" }));
  const request = new Request("http://localhost/roster", {
    method: "POST",
    headers: { Cookie: await sessionCookieFor(userId) },
    body: form,
  });
  const res = (await rosterAction({ request, params: {}, context: {} })) as DataResult;
  return {
    status: res.init?.status ?? 200,
    data: res.data as {
      preview?: Preview;
      errors?: Record<string, string>;
      params?: Record<string, number>;
    },
  };
}

/** `people` agents × `days` days from 2027-01-04, a rest day in seven: clean lines. */
function teamRoster(employeeNos: string[], days: number) {
  const lines = ["工号,日期,班次"];
  const first = Date.UTC(2027, 0, 4);
  for (let d = 0; d < days; d++) {
    const day = new Date(first + d * 86_400_000).toISOString().slice(0, 10);
    employeeNos.forEach((no, i) => lines.push(`${no},${day},${(d + i) % 7 === 6 ? "休" : "早班"}`));
  }
  return lines.join("\n") + "\n";
}

describe("a large roster file", () => {
  it("previews and imports a file past the 512 KB of other imports (a 3-month roster is ~4.5 MB)", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const nos = Array.from({ length: 250 }, (_, i) => `BIG${String(i).padStart(4, "0")}`);
    await db.user.createMany({
      data: nos.map((no) => ({ email: `${no.toLowerCase()}@weike.test`, name: no, employeeNo: no, passwordHash: "" })),
    });
    // 250 agents × 90 days: over 512 KB as a file, over 1 MB once url-encoded to confirm it.
    const text = teamRoster(nos, 90);
    expect(Buffer.byteLength(text)).toBeGreaterThan(512 * 1024);
    const { status, data } = await preview(hr.id, text);
    expect(status).toBe(200);
    expect(data.preview!.counts).toEqual({ lines: 22_500, badLines: 0, errors: 0, people: 250 });

    const request = await makeRequest("/roster", { userId: hr.id, form: { intent: "apply", csv: data.preview!.csv! } });
    const res = (await rosterAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(await db.rosterEntry.count({ where: { user: { employeeNo: { in: nos } } } })).toBe(22_500);
  });

  it("refuses a file over the roster limit with a message naming the limit", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const text = "工号,日期,班次\n" + "x".repeat(ROSTER_MAX_BYTES);
    const { status, data } = await preview(hr.id, text);
    expect(status).toBe(400);
    expect(data.errors?.file).toBe("roster:import.err.tooLarge");
    expect(data.params).toMatchObject({ mb: ROSTER_MAX_BYTES / 1024 / 1024 });
  });

  it("shows the first problems of a file full of errors, and how many more there are", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const lines = ["工号,日期,班次"];
    for (let i = 0; i < 5000; i++) lines.push(`NOBODY${i},2026-03-01,早班`);
    const { status, data } = await preview(hr.id, lines.join("\n"));
    expect(status).toBe(400);
    expect(data.preview!.counts.errors).toBe(5000);
    expect(data.preview!.problems.length).toBeLessThan(5000);
    expect(data.preview!.problems[0]).toMatchObject({ line: 2, key: "roster:import.err.unknownUser" });
    expect(data.preview!.problems.length + data.preview!.more).toBe(5000);
  });
});
