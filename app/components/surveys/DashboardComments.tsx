// The free-text comments of the selected surveys.
import { useTranslation } from "react-i18next";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { DashboardView } from "./dashboard-view";
import { dateText } from "./format-cache";

export function DashboardComments({ comments }: { comments: DashboardView["comments"] }) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  const title = (r: { titleZh: string; titleEn: string }) => localTitle(locale, r);
  return (
    <section className="card" aria-labelledby="com-h">
      <h2 id="com-h">{t("dash.comments.title")}</h2>
      {comments.length === 0 ? (
        <p className="empty">{t("dash.comments.empty")}</p>
      ) : (
        <ul className="dash-comments">
          {comments.map((c, i) => (
            <li key={i}>
              {c.comment}
              <br />
              <span className="muted small">
                {title(c)} · {dateText(c.heldOn, locale)}
                {c.anonymous ? ` · ${t("dash.comments.anonymous")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
