// Reads content/policy.yaml. A missing file means no policy; an invalid one is reported and the
// last valid policy of this process stays in force, so a typo in the policy changes nothing live.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parsePolicy, type PhrasingPolicy } from "./phrasing-policy";
import type { ContentProblem } from "./problems";

export const POLICY_FILE = "policy.yaml";

export type LoadedPolicy = {
  policy: PhrasingPolicy | null;
  problems: ContentProblem[];
  /** Identifies the policy in force: a change means every file must be checked again. */
  signature: string;
};

const holder = globalThis as unknown as {
  __weikePolicy?: Map<string, { policy: PhrasingPolicy; signature: string; source: string }>;
};

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}

export async function loadPolicy(contentDir: string): Promise<LoadedPolicy> {
  const file = path.join(contentDir, POLICY_FILE);
  const lastGood = (holder.__weikePolicy ??= new Map());
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch {
    lastGood.delete(contentDir);
    return { policy: null, problems: [], signature: "none" };
  }
  // Unchanged text: the policy already parsed from it (pages read the policy on every request).
  const same = lastGood.get(contentDir);
  if (same && same.source === source) return { policy: same.policy, problems: [], signature: same.signature };
  const r = parsePolicy(shown(file), source);
  if (!r.ok) {
    const kept = lastGood.get(contentDir);
    return { policy: kept?.policy ?? null, problems: r.problems, signature: kept?.signature ?? "none" };
  }
  const signature = createHash("sha256").update(source).digest("hex");
  lastGood.set(contentDir, { policy: r.policy, signature, source });
  return { policy: r.policy, problems: [], signature };
}
