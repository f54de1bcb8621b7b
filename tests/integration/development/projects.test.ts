// Course development projects on the real test database: each refusal, comments done, and the
// version list with the checks of each version. New versions are made the way production makes
// them: a changed content file and a sync.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { db } from "~/lib/db.server";
import { action, loader } from "~/routes/development.$id";
import { loader as listLoader } from "~/routes/development._index";
import { action as createAction } from "~/routes/development.new";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const quiet = { log: () => {}, warn: () => {} };
let dir: string;
const tag = Math.random().toString(36).slice(2, 7);
const slug = `dev-draft-${tag}`;
const series = `dev-series-${tag}`;

function writeCourse(body: string) {
  const file = path.join(dir, "courses", series, `01-${slug}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(path.join(dir, "courses", series, "series.md"), seriesText(series));
  writeFileSync(file, courseText({ slug, series, status: "draft" }, body));
}

const people = {} as Record<"hr" | "chair" | "author" | "reviewer" | "outsider" | "trainee", { id: number }>;
let projectId = 0;

async function status(r: unknown): Promise<number> {
  if (r instanceof Response) return r.status;
  const init = (r as { init?: { status?: number } | null })?.init;
  return init?.status ?? 200;
}

async function post(userId: number, form: Record<string, string>, id = projectId) {
  const request = await makeRequest(`/development/${id}`, { userId, form });
  return settle(() => action({ request, params: { id: String(id) }, context: {} }));
}

async function page(userId: number, query = "") {
  const request = await makeRequest(`/development/${projectId}${query}`, { userId });
  return loader({ request, params: { id: String(projectId) }, context: {} });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-dev-"));
  writeCourse("## 开场\n您好\n\n## 处理\n第一稿\n");
  await syncContent(dir, quiet);
  writeCourse("## 开场\n您好\n\n## 处理\n第二稿，独角兽\n\n## 结束\n再见\n");
  await syncContent(dir, quiet);
  // The policy arrives after both versions were synced: version 2 breaks it only from now on.
  writeFileSync(
    path.join(dir, "policy.yaml"),
    "forbidden:\n  - id: no-unicorn\n    name: 独角兽\n    pattern: 独角兽\n    reason: 不可以说。\n    instead: 换个说法。\nterms: []\n",
  );
  process.env.CONTENT_DIR = dir;
  const { resetEnv } = await import("~/lib/env.server");
  resetEnv();
  people.hr = await createTestUser({ roles: ["HR"], name: "HR Dev" });
  people.chair = await createTestUser({ roles: ["TRAINER"], name: "Chair" });
  people.author = await createTestUser({ roles: ["TRAINER"], name: "Author" });
  people.reviewer = await createTestUser({ roles: ["TRAINER"], name: "Reviewer" });
  people.outsider = await createTestUser({ roles: ["TRAINER"], name: "Outsider" });
  people.trainee = await createTestUser({ roles: ["TRAINEE"], name: "Trainee" });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function projectForm(members: [number, string][]) {
  const form: Record<string, string> = { title: "投诉处理内化", format: "m30", need: "投诉升级多", needRef: "N-7" };
  members.forEach(([id, role], i) => {
    form[`member${i}.user`] = String(id);
    form[`member${i}.role`] = role;
  });
  form["milestone0.kind"] = "first-draft";
  form["milestone0.due"] = "2026-12-20";
  return form;
}

async function create(userId: number, form: Record<string, string>) {
  const request = await makeRequest("/development/new", { userId, form });
  return settle(() => createAction({ request, params: {}, context: {} }));
}

describe("starting a project", () => {
  it("refuses a team without a chair, a trainee as member, and anyone but HR", async () => {
    const noChair = await create(people.hr.id, projectForm([[people.chair.id, "expert"]]));
    expect(await status(noChair.value)).toBe(400);
    const trainee = await create(people.hr.id, projectForm([[people.trainee.id, "author"]]));
    expect(await status(trainee.value)).toBe(400);
    expect(JSON.stringify(trainee.value)).toContain("development:err.memberRole");
    const empty = await create(people.hr.id, projectForm([]));
    expect(JSON.stringify(empty.value)).toContain("development:err.noMembers");
    const byTrainer = await create(people.chair.id, projectForm([[people.author.id, "author"]]));
    expect(await status(byTrainer.value)).toBe(403);
    expect(await db.courseProject.count()).toBe(0);
  });

  it("HR starts one with its team and milestones, audited", async () => {
    const made = await create(
      people.hr.id,
      projectForm([
        [people.chair.id, "chair"],
        [people.author.id, "author"],
        [people.reviewer.id, "reviewer"],
      ]),
    );
    expect(await status(made.value)).toBe(302);
    const p = await db.courseProject.findFirstOrThrow({
      select: { id: true, needRef: true, _count: { select: { members: true, milestones: true } } },
    });
    projectId = p.id;
    expect(p.needRef).toBe("N-7");
    expect(p._count).toEqual({ members: 3, milestones: 1 });
    expect(
      await db.auditLog.count({ where: { objectKind: "project", objectId: p.id, action: "project.create" } }),
    ).toBe(1);
  });
});

describe("who sees a project", () => {
  it("HR and members see it; a trainer who is not a member gets 403; a trainee cannot open the pages", async () => {
    expect((await page(people.hr.id)).project.id).toBe(projectId);
    expect((await page(people.reviewer.id)).project.may.comment).toBe(true);
    const outsider = await settle(() => page(people.outsider.id));
    expect(outsider.thrown && (outsider.value as Response).status).toBe(403);
    const trainee = await settle(() => page(people.trainee.id));
    expect(trainee.thrown && (trainee.value as Response).status).toBe(403);
    const list = async (userId: number) =>
      listLoader({ request: await makeRequest("/development", { userId }), params: {}, context: {} });
    expect((await list(people.outsider.id)).total).toBe(0);
    expect((await list(people.author.id)).total).toBe(1);
    expect((await list(people.hr.id)).rows.map((r) => r.id)).toContain(projectId);
  });
});

describe("drafts and versions", () => {
  it("an unknown slug is a clear 400; a reviewer may not link; an author links the course", async () => {
    const unknown = await post(people.author.id, { intent: "link", slug: "no-such-course" });
    expect(await status(unknown.value)).toBe(400);
    expect(JSON.stringify(unknown.value)).toContain("development:err.unknownSlug");
    const byReviewer = await post(people.reviewer.id, { intent: "link", slug });
    expect(await status(byReviewer.value)).toBe(403);
    const linked = await post(people.author.id, { intent: "link", slug });
    expect(await status(linked.value)).toBe(302);
    const twice = await post(people.hr.id, { intent: "link", slug });
    expect(await status(twice.value)).toBe(409);
  });

  it("lists every version newest first with the checks of THAT version, and diffs the newest two", async () => {
    const data = await page(people.reviewer.id);
    const versions = data.drafts[0]!.versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.checks.phrasing.map((p) => p.message).join()).toContain("no-unicorn");
    expect(versions[1]!.checks).toEqual({ content: [], phrasing: [] });
    expect(versions[0]!.sections.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(data.compare.diff).toMatchObject({ a: 1, b: 2, added: 4, removed: 1 });
    const back = await page(people.reviewer.id, "?a=2&b=1");
    expect(back.compare.diff).toMatchObject({ a: 2, b: 1, added: 1, removed: 4 });
    const missing = await page(people.reviewer.id, "?a=1&b=9");
    expect(missing.compare.diff).toBeNull();
  });
});

describe("comments", () => {
  async function versionId(n: number) {
    const v = await db.courseVersion.findFirstOrThrow({
      where: { course: { slug }, version: n },
      select: { id: true },
    });
    return v.id;
  }

  it("refuses an unknown section, an empty or too long comment, and a non-member", async () => {
    const v2 = await versionId(2);
    const v1 = await versionId(1);
    const unknown = await post(people.reviewer.id, { intent: "comment", anchor: `${v1}:s3`, body: "x" });
    expect(await status(unknown.value)).toBe(400);
    expect(JSON.stringify(unknown.value)).toContain("development:err.section");
    const empty = await post(people.reviewer.id, { intent: "comment", anchor: `${v2}:s2`, body: "   " });
    expect(JSON.stringify(empty.value)).toContain("development:err.commentEmpty");
    const long = await post(people.reviewer.id, { intent: "comment", anchor: `${v2}:s2`, body: "长".repeat(2001) });
    expect(await status(long.value)).toBe(400);
    expect(JSON.stringify(long.value)).toContain("development:err.commentLong");
    const hr = await post(people.hr.id, { intent: "comment", anchor: `${v2}:s2`, body: "HR is not on the team" });
    expect(await status(hr.value)).toBe(403);
    const foreign = await db.courseVersion.findFirst({
      where: { course: { slug: { not: slug } } },
      select: { id: true },
    });
    if (foreign) {
      const other = await post(people.reviewer.id, { intent: "comment", anchor: `${foreign.id}:s1`, body: "x" });
      expect(await status(other.value)).toBe(400);
    }
    expect(await db.versionComment.count()).toBe(0);
  });

  it("a reviewer comments on a section; the open count shows; the author marks it done, once", async () => {
    const v2 = await versionId(2);
    const made = await post(people.reviewer.id, { intent: "comment", anchor: `${v2}:s2`, body: "请删掉独角兽" });
    expect(await status(made.value)).toBe(302);
    const before = await page(people.author.id);
    expect(before.drafts[0]!.versions[0]!.openComments).toBe(1);
    const c = before.comments[0]!;
    expect(c).toMatchObject({ sectionTitle: "处理", version: 2, canClose: true });
    const byChair = await post(people.chair.id, { intent: "done", commentId: String(c.id) });
    expect(await status(byChair.value)).toBe(403);
    const done = await post(people.author.id, { intent: "done", commentId: String(c.id) });
    expect(await status(done.value)).toBe(302);
    const again = await post(people.reviewer.id, { intent: "done", commentId: String(c.id) });
    expect(await status(again.value)).toBe(409);
    const after = await page(people.author.id);
    expect(after.drafts[0]!.versions[0]!.openComments).toBe(0);
    expect(after.comments[0]!.doneBy?.name).toBe("Author");
  });
});

describe("stages and milestones", () => {
  it("HR moves the stage along the list only; others may not; the history tells it", async () => {
    const skip = await post(people.hr.id, { intent: "stage", stage: "in-library" });
    expect(await status(skip.value)).toBe(409);
    const byAuthor = await post(people.author.id, { intent: "stage", stage: "trial" });
    expect(await status(byAuthor.value)).toBe(403);
    expect(await status((await post(people.hr.id, { intent: "stage", stage: "trial" })).value)).toBe(302);
    const m = await db.projectMilestone.findFirstOrThrow({ where: { projectId }, select: { id: true } });
    expect(await status((await post(people.hr.id, { intent: "milestone", milestoneId: String(m.id) })).value)).toBe(
      302,
    );
    expect(await status((await post(people.hr.id, { intent: "milestone", milestoneId: String(m.id) })).value)).toBe(
      409,
    );
    const data = await page(people.hr.id);
    expect(data.project.stage).toBe("trial");
    expect(data.project.next).toBeNull();
    const sentences = data.history.map((h) => h.sentence).join("\n");
    expect(sentences).toContain("试讲");
    expect(sentences).toContain(slug);
    expect(data.history).toHaveLength(6);
  });
});
