import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { MAX_COMMENT } from "~/development/schemas";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import type { Draft } from "./Versions";

interface Comment {
  id: number;
  body: string;
  createdAt: Date | string;
  doneAt: Date | string | null;
  author: { name: string };
  doneBy: { name: string } | null;
  version: number;
  slug: string;
  sectionTitle: string;
  canClose: boolean;
}

export function CommentList({ comments }: { comments: Comment[] }) {
  const { t } = useTranslation(["development", "common"]);
  const locale = useLocale();
  if (comments.length === 0) return <p className="empty">{t("comments.none")}</p>;
  return (
    <ul className="comments" data-testid="comments">
      {comments.map((c) => (
        <li key={c.id} className={c.doneAt ? "comment comment--done" : "comment"}>
          <p className="small muted">
            {c.slug} · {t("drafts.versionN", { n: c.version })} · {c.sectionTitle} ·{" "}
            {t("comments.by", { name: c.author.name, when: formatDateTime(c.createdAt, locale) })}
          </p>
          <p className="comment-body">{c.body}</p>
          {c.doneAt ? (
            <span className="badge badge--ok">{t("comments.doneBy", { name: c.doneBy?.name ?? "" })}</span>
          ) : (
            <div className="row">
              <span className="badge badge--warn">{t("comments.open")}</span>
              {c.canClose ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="commentId" value={c.id} />
                  <SubmitButton className="link" intent="done" pendingLabel={t("common:form.saving")}>
                    {t("comments.done")}
                  </SubmitButton>
                </Form>
              ) : null}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Section choices are "version:section" pairs grouped by version, so one select anchors both. */
export function CommentForm({ drafts, values }: { drafts: Draft[]; values: Record<string, string> }) {
  const { t } = useTranslation(["development", "common"]);
  return (
    <Form method="post" className="stack">
      <h3>{t("comments.add")}</h3>
      <div className="field">
        <label htmlFor="f-anchor">{t("comments.section")}</label>
        <select id="f-anchor" name="anchor" defaultValue={values.anchor}>
          {drafts.flatMap((d) =>
            d.versions.map((v) => (
              <optgroup key={v.id} label={`${d.course.slug} · ${t("drafts.versionN", { n: v.version })}`}>
                {v.sections.map((s) => (
                  <option key={s.id} value={`${v.id}:${s.id}`}>
                    {t("drafts.versionN", { n: v.version })} · {s.title}
                  </option>
                ))}
              </optgroup>
            )),
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-body">{t("comments.body")}</label>
        <textarea id="f-body" name="body" rows={3} maxLength={MAX_COMMENT} required defaultValue={values.body} />
      </div>
      <div>
        <SubmitButton intent="comment" pendingLabel={t("common:form.saving")}>
          {t("comments.submit")}
        </SubmitButton>
      </div>
    </Form>
  );
}
