// Bundles the production server entry (server/start.ts and what it imports from app/) into
// plain JavaScript beside the Remix build, so production starts with node alone.
import path from "node:path";
import { build } from "esbuild";

const buildDir = process.env.WEIKE_BUILD_DIR ?? "build";
await build({
  entryPoints: ["server/start.ts"],
  outfile: path.join(buildDir, "start.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "~": "./app" },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
console.log(`server entry → ${buildDir}/start.mjs`);
