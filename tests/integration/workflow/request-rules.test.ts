// What may be requested: only courses in the library, and a series only in the delivery modes its
// merge rule allows. A forged post is refused; requests made before the rules stay readable.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import * as detailRoute from "~/routes/requests.$id";
import { createRequest, requestableTargets } from "~/workflow/requests.server";
import { get, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
let trial: number;
let draft: number;
const series: Record<"none" | "half-day" | "full-day", number> = { none: 0, "half-day": 0, "full-day": 0 };
let trialOnly: number;

async function course(status: string, seriesId: number | null = null) {
  const c = await db.course.create({
    data: {
      slug: `rule-${status}-${Math.random().toString(36).slice(2, 9)}`,
      titleZh: `规则 ${status}`,
      titleEn: `Rule ${status}`,
      area: "customer-service",
      status,
      seriesId,
    },
    select: { id: true },
  });
  if (status === "accepted") {
    // In the library: HR entered its version (decision 035).
    const v = await db.courseVersion.create({
      data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b" },
      select: { id: true },
    });
    await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId: v.id } });
  }
  return c.id;
}

beforeAll(async () => {
  w = await world();
  trial = await course("trial");
  draft = await course("draft");
  for (const merge of ["none", "half-day", "full-day"] as const) {
    const s = await db.series.create({
      data: { slug: `rules-${merge}-${Date.now()}`, titleZh: `系列 ${merge}`, titleEn: `Series ${merge}`, merge },
      select: { id: true },
    });
    await course("accepted", s.id);
    await course("trial", s.id);
    series[merge] = s.id;
  }
  const s = await db.series.create({
    data: { slug: `rules-trial-${Date.now()}`, titleZh: "试讲系列", titleEn: "Trial series", merge: "full-day" },
    select: { id: true },
  });
  await course("trial", s.id);
  trialOnly = s.id;
});

const lead = () => ({ id: w.lead.id, roles: ["LEAD" as const], name: "Lead" });

function draftOf(target: string, delivery = "single") {
  const f = requestForm(w, { target, delivery });
  return { ...f, attendees: [w.agents[0].id], priority: 2, slotKind: "morning", delivery } as never;
}

async function refusal(target: string, delivery = "single") {
  try {
    await createRequest(lead(), draftOf(target, delivery));
  } catch (e) {
    if (isDomainError(e)) return { status: e.status, key: e.messageKey, field: Object.keys(e.fieldErrors)[0] };
    throw e;
  }
  return null;
}

describe("only courses in the library are offered", () => {
  it("lists accepted courses and series with an accepted module, never draft or trial ones", async () => {
    const { courses, series: list } = await requestableTargets();
    const ids = courses.map((c) => c.id);
    expect(ids).toContain(w.course.id);
    expect(ids).not.toContain(trial);
    expect(ids).not.toContain(draft);
    expect(list.map((s) => s.id)).toContain(series.none);
    expect(list.map((s) => s.id)).not.toContain(trialOnly);
  });

  it("refuses a posted trial or draft course with a clear message", async () => {
    expect(await refusal(`course:${trial}`)).toEqual({
      status: 400,
      key: "workflow:err.notInLibrary",
      field: "target",
    });
    expect(await refusal(`course:${draft}`)).toEqual({
      status: 400,
      key: "workflow:err.notInLibrary",
      field: "target",
    });
    expect(await refusal(`series:${trialOnly}`, "separate")).toMatchObject({ key: "workflow:err.notInLibrary" });
  });

  it("still accepts an accepted course", async () => {
    expect(await refusal(`course:${w.course.id}`)).toBeNull();
  });
});

describe("a series is requested only in the modes its merge rule allows", () => {
  it("offers each series its allowed modes", async () => {
    const { series: list } = await requestableTargets();
    const modes = (id: number) => list.find((s) => s.id === id)?.deliveries;
    expect(modes(series.none)).toEqual(["separate"]);
    expect(modes(series["half-day"])).toEqual(["separate", "half-day"]);
    expect(modes(series["full-day"])).toEqual(["separate", "half-day", "full-day"]);
  });

  it("refuses a series that may not be merged as a half or full day", async () => {
    const none = { status: 400, key: "workflow:err.deliveryNotAllowed", field: "delivery" };
    expect(await refusal(`series:${series.none}`, "full-day")).toEqual(none);
    expect(await refusal(`series:${series.none}`, "half-day")).toEqual(none);
    expect(await refusal(`series:${series["half-day"]}`, "full-day")).toEqual(none);
  });

  it("accepts the allowed modes", async () => {
    expect(await refusal(`series:${series.none}`, "separate")).toBeNull();
    expect(await refusal(`series:${series["half-day"]}`, "half-day")).toBeNull();
    expect(await refusal(`series:${series["full-day"]}`, "full-day")).toBeNull();
  });
});

it("a request made earlier for a trial course stays readable", async () => {
  const old = await db.trainingRequest.create({
    data: {
      requesterId: w.lead.id,
      teamId: w.team.id,
      courseId: trial,
      slotKind: "morning",
      need: "Made before the library rule.",
      headcount: 1,
      attendees: { create: [{ userId: w.agents[0].id }] },
    },
    select: { id: true },
  });
  const res = await get(detailRoute, `/requests/${old.id}`, w.lead.id, { id: String(old.id) });
  expect(statusOf(res)).toBe(200);
});
