import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU and memory of a server and every process under it, read from /proc (Linux): the app runs
 * as a wrapper, `next start` and, with several workers, one process per worker.
 */
const CLOCK_TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: split after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** `root` and all its descendants still running. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(statFields(pid)?.[1]);
    if (!parents.has(ppid)) parents.set(ppid, []);
    parents.get(ppid)!.push(pid);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return tree;
}

/** User + system CPU time of the whole tree, in ms (clock-tick resolution: 10 ms per process). */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after the name).
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}

/** Resident memory of each node process in the tree, in MB (the wrapper's included: it is small). */
export function treeRssMb(root: number): number[] {
  const sizes: number[] = [];
  for (const pid of processTree(root)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) sizes.push(Number(match[1]) / 1024);
    } catch {
      // Exited meanwhile.
    }
  }
  return sizes;
}
