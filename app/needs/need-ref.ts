// How a course project points back at the need it answers: a plain reference kept in
// CourseProject.needRef (no relation, so projects outlive a round), e.g. "round:12/topic:40".
const PATTERN = /^round:(\d{1,10})\/topic:(\d{1,10})$/;

export function needRefOf(roundId: number, topicId: number): string {
  return `round:${roundId}/topic:${topicId}`;
}

/** The round and topic a reference names, or null for text typed by hand. */
export function parseNeedRef(ref: string | null | undefined): { roundId: number; topicId: number } | null {
  const m = ref ? PATTERN.exec(ref.trim()) : null;
  return m ? { roundId: Number(m[1]), topicId: Number(m[2]) } : null;
}

/** Where a project's need was decided: the round's results page, when the reference names one. */
export function needResultsPath(ref: string | null | undefined): string | null {
  const parsed = parseNeedRef(ref);
  return parsed ? `/needs/${parsed.roundId}/results` : null;
}

/** The link that opens a new course project pre-filled with one need of a round. */
export function newProjectPath(roundId: number, topicId: number, label: string): string {
  const q = new URLSearchParams({ need: label, needRef: needRefOf(roundId, topicId) });
  return `/development/new?${q.toString()}`;
}
