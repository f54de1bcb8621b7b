import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { TableScroll } from "~/components/ui/TableScroll";
import { getBank } from "~/exams/quiz.server";
import { itemAnalysis } from "~/exams/trainer.server";
import { notFound } from "~/lib/errors";
import { ensure, orErrorPage } from "~/lib/errors.server";
import { formatNumber, formatPercent } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/quiz/:id/analysis" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t, locale }) => data && t("exams:analysis.title", { title: data.bank.title[locale] }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const id = z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .safeParse(params.id);
  ensure(id.success, notFound());
  return orErrorPage(async () => {
    const bank = await getBank(id.data);
    return { bank: { id: bank.id, title: bank.title }, ...(await itemAnalysis(bank)) };
  });
}

export default function ItemAnalysis() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const { bank, attempts, items } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/exams/quiz/${bank.id}`}>← {bank.title[locale]}</Link>
      </p>
      <h1>{t("analysis.title", { title: bank.title[locale] })}</h1>
      <p className="muted">{t("analysis.intro", { count: attempts })}</p>
      {attempts === 0 ? (
        <p className="empty">{t("analysis.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th>{t("analysis.question")}</th>
                <th>{t("analysis.type")}</th>
                <th>{t("analysis.attempts")}</th>
                <th>{t("analysis.p")}</th>
                <th>{t("analysis.d")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.questionId}>
                  <td>{i.prompt}</td>
                  <td>{t(`qtype.${i.type}`)}</td>
                  <td>{i.attempts}</td>
                  <td>{i.attempts ? formatPercent(i.pCorrect, locale, 0) : "—"}</td>
                  <td className={i.discrimination !== null && i.discrimination < 0.2 ? "exams-weak" : undefined}>
                    {i.discrimination === null
                      ? "—"
                      : formatNumber(i.discrimination, locale, { maximumFractionDigits: 2 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="small muted">{t("analysis.help")}</p>
    </div>
  );
}
