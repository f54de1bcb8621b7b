// The content check and the phrasing policy, run again on one stored version. A version keeps its
// validated front matter (JSON) and its body; the file is rebuilt from them so the very same
// checks as the sync's run on it, and the results say what THAT version would get today (the
// policy or the rules may have changed since it was synced). Pure: the caller brings the policy.
import { stringify } from "yaml";
import { parseCourseFile } from "~/content/parse";
import { checkLessonSource, type PhrasingPolicy } from "~/content/phrasing-policy";
import type { ContentProblem } from "~/content/problems";

export interface VersionChecks {
  content: ContentProblem[];
  phrasing: ContentProblem[];
}

function frontMatterObject(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Problems of a stored version; lines count in the rebuilt file (front matter, then the body). */
export function checkStoredVersion(
  path: string,
  frontMatterJson: string,
  body: string,
  policy: PhrasingPolicy | null,
): VersionChecks {
  const data = frontMatterObject(frontMatterJson);
  if (!data || typeof data !== "object") {
    return { content: [{ path, line: 1, message: "file: the stored front matter is not readable" }], phrasing: [] };
  }
  const yamlText = stringify(data).trimEnd();
  const yamlStartLine = 2;
  const bodyStartLine = yamlStartLine + yamlText.split("\n").length + 1;
  const source = `---\n${yamlText}\n---\n${body}`;
  const parsed = parseCourseFile(path, new TextEncoder().encode(source));
  return {
    content: parsed.ok ? [] : parsed.problems,
    phrasing: policy ? checkLessonSource(policy, path, yamlText, yamlStartLine, body, bodyStartLine) : [],
  };
}
