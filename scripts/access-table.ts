// npx tsx scripts/access-table.ts — rewrites the README's "Who may do what" table from the
// route table in app/auth/route-access.ts; a unit test fails while the two differ.
import { readFileSync, writeFileSync } from "node:fs";
import { accessTableMarkdown } from "../app/auth/route-access";

const HEADING = "## Who may do what";
const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf(HEADING);
if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
const end = readme.indexOf("\n## ", start + HEADING.length);
const section = readme.slice(start, end < 0 ? undefined : end);
const lines = section.split("\n");
const first = lines.findIndex((l) => l.startsWith("|"));
const kept = lines.filter((l) => !l.startsWith("|"));
kept.splice(first < 0 ? kept.length : first, 0, accessTableMarkdown());
writeFileSync("README.md", readme.replace(section, kept.join("\n")));
