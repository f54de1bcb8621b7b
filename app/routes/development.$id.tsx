import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { CommentList, CommentForm } from "~/components/development/Comments";
import { DiffView } from "~/components/development/DiffView";
import { ProjectFacts, ProjectTeam, StageForm } from "~/components/development/ProjectFacts";
import { LinkForm, VersionTable } from "~/components/development/Versions";
import { addComment, closeComment, projectComments, projectVersions, versionDiff } from "~/development/drafts.server";
import {
  completeMilestone,
  getProject,
  linkCourse,
  moveProjectStage,
  projectHistory,
} from "~/development/projects.server";
import { diffQuerySchema, projectActionSchema } from "~/development/schemas";
import { notFound } from "~/lib/errors";
import { ensure, formAction, orErrorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { formValues, idSchema, parseForm, searchParamsObject } from "~/lib/validation";
import css from "~/styles/development.css?url";
import workflowCss from "~/styles/workflow.css?url";

export const handle = { route: "/development/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data }) => data?.project.title);
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workflowCss },
  { rel: "stylesheet", href: css },
];
// A refused action (409) still reloads the page, so the viewer sees what is there now.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound("development:err.notFound"));
  const project = await orErrorPage(() => getProject(user, id.data));
  const url = new URL(request.url);
  const query = diffQuerySchema.parse(searchParamsObject(url));
  const [drafts, comments, history] = await Promise.all([
    projectVersions(project.id, project.courses),
    projectComments(project.id),
    projectHistory(project.id, detectLocale(request)),
  ]);
  // The diff: one linked course, two of its versions (by default the newest two).
  const shown = drafts.find((d) => d.course.id === query.course) ?? drafts[0];
  const numbers = shown?.versions.map((v) => v.version) ?? [];
  const b = query.b ?? numbers[0];
  const a = query.a ?? numbers[1];
  const diff = shown && a !== undefined && b !== undefined ? await versionDiff(shown.course.id, a, b) : null;
  return {
    project,
    drafts,
    comments: comments.map(({ authorId, ...c }) => ({ ...c, canClose: authorId === user.id || project.may.isAuthor })),
    history,
    compare: { courseId: shown?.course.id ?? null, a: a ?? null, b: b ?? null, numbers, diff },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound("development:err.notFound"));
  const form = await readForm(request);
  const parsed = parseForm(projectActionSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, params: {}, values: formValues(form) }, { status: 400 });
  const input = parsed.data;
  return formAction(async () => {
    if (input.intent === "stage") await moveProjectStage(user, id.data, input.stage);
    else if (input.intent === "milestone") await completeMilestone(user, id.data, input.milestoneId);
    else if (input.intent === "link") await linkCourse(user, id.data, input.slug);
    else if (input.intent === "comment")
      await addComment(user, id.data, input.anchor.versionId, input.anchor.section, input.body);
    else await closeComment(user, id.data, input.commentId);
    const url = new URL(request.url);
    return redirectWithToast(`/development/${id.data}${url.search}`, { key: "development:saved" });
  }, formValues(form));
}

export default function ProjectPage() {
  const { t } = useTranslation(["development", "common", "trial"]);
  const locale = useLocale();
  const { project, drafts, comments, history, compare } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = (result?.params ?? {}) as Record<string, string | number>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const first = Object.values(errors)[0];
  return (
    <div className="stack development">
      <p>
        <Link to="/development">← {t("title")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{project.title}</h1>
          <p>
            <span className="badge badge--brand" data-testid="project-stage">
              {t(`stage.${project.stage}`)}
            </span>
          </p>
        </div>
        {project.may.stages.length ? <StageForm stages={project.may.stages} /> : null}
      </div>
      {first ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("development", first), params)}
        </p>
      ) : null}
      <p>
        <Link to={`/development/${project.id}/trial`}>{t("trial:link")}</Link>
      </p>
      <ProjectFacts project={project} />
      <ProjectTeam project={project} />
      <section className="stack" aria-labelledby="drafts-head">
        <h2 id="drafts-head">{t("drafts.title")}</h2>
        {drafts.length === 0 ? <p className="empty">{t("drafts.none")}</p> : null}
        {drafts.map((d) => (
          <VersionTable key={d.course.id} draft={d} />
        ))}
        {project.may.link ? <LinkForm error={errors.slug} values={values} /> : null}
      </section>
      {drafts.length ? <DiffView drafts={drafts} compare={compare} /> : null}
      <section className="stack" aria-labelledby="comments-head">
        <h2 id="comments-head">{t("comments.title")}</h2>
        <CommentList comments={comments} />
        {project.may.comment && drafts.some((d) => d.versions.length) ? (
          <CommentForm drafts={drafts} values={values} />
        ) : null}
      </section>
      <section aria-labelledby="history-head">
        <h2 id="history-head">{t("page.history")}</h2>
        {history.length === 0 ? (
          <p className="empty">{t("page.historyEmpty")}</p>
        ) : (
          <ol className="timeline" data-testid="project-history">
            {history.map((h) => (
              <li key={h.id}>
                <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> {h.sentence}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
