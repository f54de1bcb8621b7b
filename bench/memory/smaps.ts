// Reads a process's resident memory from /proc, split by mapping, from outside the process.
import { readFileSync } from "node:fs";

export interface SmapsSplit {
  /** Resident MB in total, anonymous (heaps, malloc arenas, stacks) and file-backed. */
  rss: number;
  anon: number;
  file: number;
  /** Resident MB per mapping name ([heap], [anon], a file's base name), largest first. */
  byName: { name: string; mb: number }[];
}

const kbToMb = (kb: number) => Math.round(kb / 1024);

export function readSmaps(pid: number, rollupOnly = false): SmapsSplit {
  if (rollupOnly) {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const field = (f: string) => Number(new RegExp(`^${f}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
    return { rss: kbToMb(field("Rss")), anon: kbToMb(field("Anonymous")), file: 0, byName: [] };
  }
  const text = readFileSync(`/proc/${pid}/smaps`, "utf8");
  const byName = new Map<string, number>();
  let name = "";
  let rss = 0;
  let anon = 0;
  for (const line of text.split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const p = head[1]!.trim();
      name = p === "" ? "[anon]" : p.startsWith("[") ? p : p.split("/").pop()!;
      continue;
    }
    const rssLine = /^Rss:\s+(\d+)/.exec(line);
    if (rssLine) {
      const kb = Number(rssLine[1]);
      rss += kb;
      byName.set(name, (byName.get(name) ?? 0) + kb);
    }
    const anonLine = /^Anonymous:\s+(\d+)/.exec(line);
    if (anonLine) anon += Number(anonLine[1]);
  }
  return {
    rss: kbToMb(rss),
    anon: kbToMb(anon),
    file: kbToMb(rss - anon),
    byName: [...byName]
      .map(([n, kb]) => ({ name: n, mb: kbToMb(kb) }))
      .filter((p) => p.mb > 0)
      .sort((a, b) => b.mb - a.mb),
  };
}

/** CPU time (user + system) the process has used so far, ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
