import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";
import type { ProjectStage } from "~/development/stages";
import { groupOf, type MemberRole } from "~/development/team";
import { parseLocal } from "~/lib/clock";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";
import { needResultsPath } from "~/needs/need-ref";

type Milestone = { id: number; kind: string; label: string; dueOn: string; doneAt: Date | string | null };
interface Project {
  format: string;
  need: string;
  needRef: string | null;
  sourceTitle: string;
  sourceSupplier: string;
  sourceNotes: string;
  createdAt: Date | string;
  owner: { name: string };
  members: { userId: number; role: MemberRole; user: { name: string } }[];
  milestones: Milestone[];
  next: { milestone: Milestone; overdue: boolean } | null;
  may: { manage: boolean };
}

function useDay() {
  const locale = useLocale();
  return (day: string) => formatDate(parseLocal(day) ?? 0, locale);
}

function useMilestoneName() {
  const { t } = useTranslation("development");
  return (m: Milestone) => m.label || t(messageKey("development", `milestone.${m.kind}`));
}

export function ProjectFacts({ project }: { project: Project }) {
  const { t } = useTranslation("development");
  const locale = useLocale();
  const day = useDay();
  const name = useMilestoneName();
  const needLink = needResultsPath(project.needRef);
  const source = [project.sourceTitle, project.sourceSupplier].filter(Boolean).join(" · ");
  return (
    <dl className="facts">
      <dt>{t("page.owner")}</dt>
      <dd>{project.owner.name}</dd>
      <dt>{t("page.format")}</dt>
      <dd>{t(messageKey("development", `format.${project.format}`))}</dd>
      <dt>{t("page.started")}</dt>
      <dd>{formatDate(project.createdAt, locale)}</dd>
      {project.need ? (
        <>
          <dt>{t("page.need")}</dt>
          <dd>{project.need}</dd>
        </>
      ) : null}
      {project.needRef ? (
        <>
          <dt>{t("page.needRef")}</dt>
          <dd>{needLink ? <Link to={needLink}>{project.needRef}</Link> : project.needRef}</dd>
        </>
      ) : null}
      {source || project.sourceNotes ? (
        <>
          <dt>{t("page.source")}</dt>
          <dd>
            {source}
            {project.sourceNotes ? <span className="small muted"> {project.sourceNotes}</span> : null}
          </dd>
        </>
      ) : null}
      <dt>{t("page.next")}</dt>
      <dd data-testid="project-next">
        {project.next ? (
          <>
            {name(project.next.milestone)} — {day(project.next.milestone.dueOn)}{" "}
            {project.next.overdue ? <span className="badge badge--warn">{t("page.overdue")}</span> : null}
          </>
        ) : (
          t("page.nextNone")
        )}
      </dd>
    </dl>
  );
}

export function ProjectTeam({ project }: { project: Project }) {
  const { t } = useTranslation(["development", "common"]);
  const day = useDay();
  const name = useMilestoneName();
  const groups = (["expert", "development"] as const).map((g) => ({
    g,
    people: project.members.filter((m) => groupOf(m.role) === g),
  }));
  return (
    <div className="grid-2">
      <section aria-labelledby="team-head">
        <h2 id="team-head">{t("page.team")}</h2>
        {groups.map(({ g, people }) =>
          people.length ? (
            <div key={g}>
              <h3>{t(`group.${g}`)}</h3>
              <ul data-testid={`team-${g}`}>
                {people.map((m) => (
                  <li key={m.userId}>
                    {m.user.name} <span className="small muted">{t(`role.${m.role}`)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </section>
      <section aria-labelledby="milestones-head">
        <h2 id="milestones-head">{t("page.milestones")}</h2>
        <ul className="milestones">
          {project.milestones.map((m) => (
            <li key={m.id}>
              {name(m)} — {day(m.dueOn)}{" "}
              {m.doneAt ? (
                <span className="badge badge--ok">{t("page.done")}</span>
              ) : project.may.manage ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="milestoneId" value={m.id} />
                  <SubmitButton className="link" intent="milestone" pendingLabel={t("common:form.saving")}>
                    {t("page.markDone")}
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function StageForm({ stages }: { stages: readonly ProjectStage[] }) {
  const { t } = useTranslation(["development", "common"]);
  return (
    <Form method="post" className="row">
      <label>
        {t("page.moveTo")}{" "}
        <select name="stage">
          {stages.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton intent="stage" pendingLabel={t("common:form.saving")}>
        {t("page.move")}
      </SubmitButton>
    </Form>
  );
}
