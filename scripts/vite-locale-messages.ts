// Vite plugin: the browser bundle carries the messages of one language, not both. In client
// builds app/lib/i18n/resources.ts is replaced by resources.browser.ts, which imports
// "virtual:weike-messages/<locale>" — a chunk per language, made here from resources.ts itself
// (bundled with esbuild and evaluated), so the messages files stay the one source. The server
// keeps the real resources.ts with both languages. Decision record 046.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Plugin } from "vite";

const PREFIX = "virtual:weike-messages/";

async function loadResources(root: string): Promise<{ resources: Record<string, unknown>; inputs: string[] }> {
  const out = await build({
    entryPoints: [path.join(root, "app/lib/i18n/resources.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    metafile: true,
    alias: { "~": path.join(root, "app") },
    logLevel: "silent",
  });
  const code = out.outputFiles[0]!.text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return { resources: mod.resources, inputs: Object.keys(out.metafile.inputs).map((f) => path.resolve(root, f)) };
}

export function localeMessages(): Plugin {
  let root = process.cwd();
  return {
    name: "weike-locale-messages",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? "\0" + id : null;
    },
    async load(id, options) {
      if (id.startsWith("\0" + PREFIX)) {
        const locale = id.slice(PREFIX.length + 1);
        const { resources, inputs } = await loadResources(root);
        for (const file of inputs) this.addWatchFile(file);
        if (!(locale in resources)) this.error(`no messages for language "${locale}"`);
        return `export default ${JSON.stringify(resources[locale])};`;
      }
      if (!options?.ssr && path.resolve(id) === path.join(root, "app/lib/i18n/resources.ts")) {
        return readFileSync(path.join(root, "app/lib/i18n/resources.browser.ts"), "utf8");
      }
      return null;
    },
  };
}
