import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/lib/i18n/use-locale";

export interface PanelCategory {
  category: string;
  title: { zh: string; en: string };
  phrases: { shortcut: string; title: string; text: string }[];
}

/** The categorised quick-phrase panel: one tab per category, a click inserts the phrase. */
export function PhrasePanel({ faq, onPick }: { faq: PanelCategory[]; onPick: (text: string) => void }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const [open, setOpen] = useState(faq[0]?.category ?? "");
  const current = faq.find((c) => c.category === open);
  return (
    <aside className="card exams-panel" aria-labelledby="panel-h">
      <h2 id="panel-h" className="small">
        {t("chat.panel")}
      </h2>
      <div className="row exams-tabs" role="tablist">
        {faq.map((c) => (
          <button
            key={c.category}
            type="button"
            role="tab"
            aria-selected={c.category === open}
            className={c.category === open ? "secondary active" : "secondary"}
            onClick={() => setOpen(c.category)}
          >
            {c.title[locale]}
          </button>
        ))}
      </div>
      <ul className="exams-phrases" role="tabpanel">
        {current?.phrases.map((p) => (
          <li key={p.shortcut}>
            <button type="button" className="link-button" onClick={() => onPick(p.text)} title={p.text}>
              <code>/{p.shortcut}</code> {p.title}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Replaces a trailing "/shortcut" with its phrase (the server expands any left as typed, too). */
export function expandTrailingShortcut(text: string, phrases: Map<string, string>): string | null {
  const [, , shortcut = ""] = /(^|\s)\/([a-z][a-z0-9-]*)$/.exec(text) ?? [];
  const phrase = phrases.get(shortcut);
  return phrase ? text.slice(0, text.length - shortcut.length - 1) + phrase : null;
}
