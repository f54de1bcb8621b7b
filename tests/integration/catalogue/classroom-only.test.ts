import { beforeAll, describe, expect, it } from "vitest";
import { loader as catalogueLoader } from "~/routes/courses._index";
import { requestableTargets } from "~/workflow/requests.server";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest } from "../../fixtures/users";

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function list(userId: number, query = "") {
  const request = await makeRequest(`/courses${query}`, { userId });
  return catalogueLoader({ request, params: {}, context: {} });
}

describe("classroom-only courses in the catalogue", () => {
  it("names every course the request form offers, as a lesson or as classroom-only", async () => {
    const lead = await createTestUser({ roles: ["LEAD"] });
    const page = await list(lead.id);
    // The catalogue runs to a second page; classroom-only courses sit on the first.
    const second = await list(lead.id, "?page=2");
    const shown = new Set([...page.courses, ...second.courses, ...page.classroom].map((c) => c.slug));
    const offered = (await requestableTargets()).courses.map((c) => c.slug);
    expect(offered.filter((slug) => !shown.has(slug))).toEqual([]);
    // The trial and the draft lesson are not open to a lead: classroom-only, not both.
    expect(page.classroom.map((c) => c.slug).sort()).toEqual(["complaint-follow-up", "typing-and-tools"]);
    expect(page.courses.some((c) => page.classroom.some((k) => k.slug === c.slug))).toBe(false);
  });

  it("lists none for staff, who open those lessons, and follows the search", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    expect((await list(trainer.id)).classroom).toEqual([]);
    const trainee = await createTestUser();
    expect((await list(trainee.id, "?q=typing-and")).classroom.map((c) => c.slug)).toEqual(["typing-and-tools"]);
    expect((await list(trainee.id, "?page=2")).classroom).toEqual([]);
  });
});
