import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberState } from "~/assignments/rules";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";

interface Item {
  id: number;
  titleZh: string;
  titleEn: string;
  link: string;
  dueDay: string;
  state: MemberState;
}

const BADGE: Record<MemberState, string> = {
  done: "badge badge--ok",
  progress: "badge",
  new: "badge",
  overdue: "badge badge--danger",
};

/** The trainee's assigned courses on their home: soonest due first, overdue ones marked. */
export function MyAssignments({ items }: { items: Item[] }) {
  const { t } = useTranslation("assignments");
  const locale = useLocale();
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-assignments-h">
      <h2 id="my-assignments-h">{t("home.title")}</h2>
      <ul className="list">
        {items.map((a) => (
          <li key={a.id} data-state={a.state}>
            <Link to={a.link}>{localTitle(locale, a)}</Link>{" "}
            <span className="muted">{t("home.due", { day: a.dueDay })}</span>{" "}
            <span className={BADGE[a.state]}>{t(`state.${a.state}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
