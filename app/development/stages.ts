// The stages of a course development project, as one typed list, and the moves between them.
// Pure: the project page, the server and (later) the trial-lecture and acceptance records ask here.
//   drafting → trial → revising ⇄ trial … → accepted → in-library; any open stage → rejected.

export const STAGES = ["drafting", "trial", "revising", "accepted", "in-library", "rejected"] as const;
export type ProjectStage = (typeof STAGES)[number];

const MOVES: Record<ProjectStage, readonly ProjectStage[]> = {
  drafting: ["trial", "rejected"],
  trial: ["revising", "accepted", "rejected"],
  revising: ["trial", "accepted", "rejected"],
  accepted: ["in-library"],
  "in-library": [],
  rejected: [],
};

export function isStage(value: unknown): value is ProjectStage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}

/** The stages a project may move to from where it is. */
export function nextStages(from: ProjectStage): readonly ProjectStage[] {
  return MOVES[from];
}

export function canMoveStage(from: ProjectStage, to: ProjectStage): boolean {
  return MOVES[from].includes(to);
}

/** A finished project (in the library, or rejected) takes no more drafts, comments or moves. */
export function isClosedStage(stage: ProjectStage): boolean {
  return MOVES[stage].length === 0;
}
