// The one problem line for a `status: accepted` claim nobody recorded (decision 035).
import type { ContentProblem } from "~/content/problems";

export function claimProblem(path: string, line: number, version: number | null): ContentProblem {
  const which = version === null ? "this version" : `version ${version}`;
  return {
    path,
    line,
    message: `status: "accepted" has no acceptance record for ${which}; the file proposes it, HR enters it into the library (not published)`,
  };
}

export function isClaimProblem(p: ContentProblem): boolean {
  return p.message.startsWith('status: "accepted" has no acceptance record');
}
