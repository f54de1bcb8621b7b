// The competency model for pages, parsed once and kept: the trainee home and the profiles ask for
// it on every view. The kept model is dropped when a sync changes content, on this instance
// (onContentChanged) or another (the content generation, decision 052); the file itself is looked
// at again at most every RECHECK_MS, so an edit of the model alone still shows within seconds.
import { followContentGeneration } from "~/content/generation.server";
import { onContentChanged } from "~/content/sync.server";
import { contentDir } from "~/lib/env.server";
import type { CompetencyModel } from "./model";
import { competencyModel } from "./model.server";

const RECHECK_MS = 10_000;
const kept = new Map<string, { model: CompetencyModel; at: number }>();

onContentChanged.add(() => kept.clear());

/** The model in force, from memory while the content stands still. */
export async function keptCompetencyModel(dir = contentDir(), now = Date.now()): Promise<CompetencyModel> {
  await followContentGeneration(now);
  const hit = kept.get(dir);
  if (hit && now - hit.at < RECHECK_MS) return hit.model;
  // competencyModel re-parses only when the text changed.
  const model = await competencyModel(dir);
  kept.set(dir, { model, at: now });
  return model;
}

/** Tests: forget the kept models. */
export function clearKeptCompetencyModel() {
  kept.clear();
}
