import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";

type Problem = { path: string; line: number; message: string };
export interface Draft {
  course: { id: number; slug: string; titleZh: string; titleEn: string };
  versions: {
    id: number;
    version: number;
    createdAt: Date | string;
    sections: { id: string; title: string }[];
    checks: { content: Problem[]; phrasing: Problem[] };
    openComments: number;
  }[];
}

function CheckCell({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation("development");
  if (problems.length === 0) return <span className="badge badge--ok">{t("drafts.ok")}</span>;
  return (
    <details>
      <summary className="badge badge--danger">{t("drafts.problems", { count: problems.length })}</summary>
      <ul className="small">
        {problems.map((p, i) => (
          <li key={i}>
            {p.line}: {p.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function VersionTable({ draft }: { draft: Draft }) {
  const { t } = useTranslation("development");
  const locale = useLocale();
  const title = locale === "zh" ? draft.course.titleZh : draft.course.titleEn || draft.course.titleZh;
  return (
    <div className="stack">
      <h3>
        {title} <code className="small">{draft.course.slug}</code>
      </h3>
      <TableScroll>
        <table className="table" data-testid={`versions-${draft.course.slug}`}>
          <thead>
            <tr>
              <th scope="col">{t("drafts.version")}</th>
              <th scope="col">{t("drafts.synced")}</th>
              <th scope="col">{t("drafts.content")}</th>
              <th scope="col">{t("drafts.phrasing")}</th>
              <th scope="col">{t("drafts.open")}</th>
            </tr>
          </thead>
          <tbody>
            {draft.versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{t("drafts.versionN", { n: v.version })}</th>
                <td>{formatDateTime(v.createdAt, locale)}</td>
                <td>
                  <CheckCell problems={v.checks.content} />
                </td>
                <td>
                  <CheckCell problems={v.checks.phrasing} />
                </td>
                <td>{v.openComments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function LinkForm({ error, values }: { error?: string; values: Record<string, string> }) {
  const { t } = useTranslation(["development", "common"]);
  return (
    <Form method="post" className="row">
      <label htmlFor="f-slug">{t("drafts.slug")}</label>
      <input
        id="f-slug"
        name="slug"
        required
        maxLength={120}
        defaultValue={values.slug}
        aria-invalid={error ? true : undefined}
      />
      <SubmitButton intent="link" pendingLabel={t("common:form.saving")}>
        {t("drafts.linkButton")}
      </SubmitButton>
    </Form>
  );
}
