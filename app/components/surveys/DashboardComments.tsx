// The free-text comments of the selected surveys.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { DashboardView } from "./dashboard-view";
import { dateText } from "./format-cache";

export function DashboardComments({
  comments,
  pages,
}: {
  comments: DashboardView["comments"];
  pages: DashboardView["commentPages"];
}) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  const title = (r: { titleZh: string; titleEn: string }) => localTitle(locale, r);
  const location = useLocation();
  // Newer and older pages only: the total would cost a count of every comment in the range.
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("cpage", String(p));
    return `${location.pathname}?${params}`;
  };
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
      {pages.page > 1 || pages.more ? (
        <nav className="pagination" aria-label={t("dash.comments.pages")}>
          {pages.page > 1 ? (
            <Link to={hrefFor(pages.page - 1)} rel="prev">
              {t("dash.comments.newer")}
            </Link>
          ) : null}
          {pages.more ? (
            <Link to={hrefFor(pages.page + 1)} rel="next">
              {t("dash.comments.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
