// A topic's name in the reader's language: a competency's label from the one list, or the free
// text HR typed (shown as typed in both languages).
import { COMPETENCY_LABELS, isCompetencyId } from "~/content/competencies";
import type { Locale } from "~/lib/i18n/lang";

export function topicLabel(locale: Locale, topic: { competency: string | null; label: string }): string {
  if (topic.competency && isCompetencyId(topic.competency)) return COMPETENCY_LABELS[topic.competency][locale];
  return topic.label;
}
