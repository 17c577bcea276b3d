import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
export type Row = { name: string; ms: number };

const sourceMaps = new Map<string, SourceMap | null>();

/** Next's server chunks are minified; their source maps name the original file and function. */
function original(frame: CallFrame): { source: string; line: number; name: string } | null {
  if (!frame.url.includes("/.next/server/")) return null;
  const path = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
  if (!sourceMaps.has(path)) sourceMaps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8"))) : null);
  const entry = sourceMaps.get(path)?.findEntry(frame.lineNumber, frame.columnNumber) as
    { originalSource?: string; originalLine?: number; name?: string } | undefined;
  if (!entry?.originalSource) return null;
  return { source: entry.originalSource.replace(/^(\.\.\/)+/, ""), line: entry.originalLine! + 1, name: entry.name ?? "" };
}

/** Where a frame's code comes from: an npm package, one of our workspace folders, Node itself, or V8 (GC, idle). */
function originOf(source: string, functionName: string): string {
  if (!source) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const ours = /(apps\/web\/src|packages\/[^/]+\/src)\/([^/]+)/.exec(source);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (source.startsWith("node:")) return "node:*";
  return source.replace(/^file:\/\//, "");
}

const byMs = (map: Map<string, number>): Row[] => [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);

/**
 * Over V8 .cpuprofile files (idle left out): self time per function and per origin, and total
 * (inclusive) time of each of our own functions, which shows what our code spends in libraries.
 */
export function topOfProfile(files: string[]): { totalMs: number; functions: Row[]; packages: Row[]; ours: Row[] } {
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const ours = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const described = new Map<number, { name: string; origin: string }>();
    const describe = (id: number) => {
      if (!described.has(id)) {
        const frame = nodes.get(id)!.callFrame;
        const mapped = original(frame);
        const source = mapped?.source ?? frame.url;
        const origin = originOf(source, frame.functionName);
        const fn = frame.functionName || mapped?.name || "(anonymous)";
        described.set(id, {
          name: `${mapped?.name || fn}  ${source ? `${origin === source ? source : source.replace(/.*node_modules\//, "")}:${mapped?.line ?? frame.lineNumber + 1}` : ""}`,
          origin,
        });
      }
      return described.get(id)!;
    };
    // Each sample's node was on CPU for the time until the next sample.
    profile.samples.forEach((id, i) => {
      if (nodes.get(id)!.callFrame.functionName === "(idle)") return;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      totalMs += ms;
      const self = describe(id);
      functions.set(self.name, (functions.get(self.name) ?? 0) + ms);
      packages.set(self.origin, (packages.get(self.origin) ?? 0) + ms);
      const onStack = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = describe(at);
        if (/^(apps\/web\/src|packages\/)/.test(frame.origin)) onStack.add(frame.name);
      }
      for (const name of onStack) ours.set(name, (ours.get(name) ?? 0) + ms);
    });
  }
  return { totalMs, functions: byMs(functions), packages: byMs(packages), ours: byMs(ours) };
}
