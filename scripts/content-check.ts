// npm run content:check [DIR] — validates a content folder without touching the database.
// Exit 0 when valid; otherwise exit 1 and one `path:line: message` line per problem.
import { formatProblem } from "../app/content/problems";
import { checkContent } from "../app/content/registry.server";
import { contentDir } from "../app/lib/env.server";

const dir = process.argv[2] || contentDir();
const problems = await checkContent(dir);
for (const p of problems) console.log(formatProblem(p));
if (problems.length) {
  console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`);
  process.exit(1);
}
console.error(`${dir}: no problems`);
