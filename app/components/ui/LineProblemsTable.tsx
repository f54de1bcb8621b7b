import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";
import { TableScroll } from "./TableScroll";

/** One problem of an uploaded file: the line, the column it is about, and a message key. */
export interface LineProblem {
  line: number;
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The problems of an uploaded file by line, as every import preview shows them. Each import keeps
 * its own words (column names, messages) in its namespace under `import.*`.
 */
export function LineProblemsTable({ problems, ns }: { problems: LineProblem[]; ns: "admin" | "roster" }) {
  const { t } = useTranslation(ns);
  const problemLabel = t(messageKey(ns, "import.problem"));
  return (
    <TableScroll>
      <table className="table" aria-label={problemLabel}>
        <thead>
          <tr>
            <th scope="col">{t(messageKey(ns, "import.line"))}</th>
            <th scope="col">{t(messageKey(ns, "import.field"))}</th>
            <th scope="col">{problemLabel}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((e, i) => (
            <tr key={i}>
              <td>{e.line}</td>
              <td>{t(messageKey(ns, `import.field.${e.field}`))}</td>
              <td>{t(messageKey(ns, e.key), e.params ?? {})}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
