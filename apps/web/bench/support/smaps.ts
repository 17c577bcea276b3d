import { readFileSync } from "node:fs";

/** Resident memory of one process split by the kind of mapping that holds it, in MB. */
export type MappingSplit = {
  rss: number;
  /** glibc's main arena: the brk heap. */
  brkHeap: number;
  /** Anonymous mmaps: V8's heap pages, glibc's thread arenas, large malloc blocks, jemalloc's extents. */
  anonymousMmaps: number;
  /** Code and data of files (node itself, shared libraries, mapped files). */
  fileBacked: number;
  /** How many anonymous mappings there are: thread arenas show as many 64 MB-reserved regions. */
  anonymousMappingCount: number;
};

/** Reads /proc/<pid>/smaps (Linux) and sums each mapping's Rss by kind. */
export function mappingSplit(pid: number): MappingSplit {
  const split: MappingSplit = { rss: 0, brkHeap: 0, anonymousMmaps: 0, fileBacked: 0, anonymousMappingCount: 0 };
  let kind: "brkHeap" | "anonymousMmaps" | "fileBacked" = "anonymousMmaps";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    // A mapping's header: "start-end perms offset dev inode [path]"; its fields follow on their own lines.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const path = header[1]!;
      kind = path === "[heap]" ? "brkHeap" : path === "" || path.startsWith("[anon") ? "anonymousMmaps" : "fileBacked";
      if (kind === "anonymousMmaps") split.anonymousMappingCount++;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) {
      const mb = Number(rss[1]) / 1024;
      split.rss += mb;
      split[kind] += mb;
    }
  }
  return split;
}

export function formatSplit(s: MappingSplit): string {
  const f = (v: number) => v.toFixed(0).padStart(4);
  return `rss ${f(s.rss)} MB = brk heap ${f(s.brkHeap)} + anonymous mmaps ${f(s.anonymousMmaps)} (${s.anonymousMappingCount} mappings) + files ${f(s.fileBacked)}`;
}
