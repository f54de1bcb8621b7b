import { useTranslation } from "react-i18next";
import type { MissedFact } from "~/exams/drill-facts";

/** Missed drill facts as the Chinese words the agent must say, each with its English gloss. */
export function SayList({ facts }: { facts: MissedFact[] }) {
  const { t } = useTranslation("exams");
  return (
    <ul className="small" data-testid="missed-facts">
      {facts.map((f) => (
        <li key={f.label}>
          {t("miss.say")}{" "}
          <span lang="zh">{(f.say.length ? f.say : [f.label]).map((w) => `「${w}」`).join(t("miss.sayOr"))}</span>
          {f.en ? ` — ${f.en}` : null}
        </li>
      ))}
    </ul>
  );
}
