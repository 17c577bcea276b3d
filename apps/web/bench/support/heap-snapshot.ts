import { readFileSync } from "node:fs";

/**
 * Self size per constructor / node name of a V8 heap snapshot (.heapsnapshot JSON): enough to see
 * which kind of object grows between two snapshots of the same process.
 */
export function heapByName(file: string): Map<string, { count: number; bytes: number }> {
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = snapshot.snapshot.meta.node_types[0];
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    // Strings and code are grouped by kind; objects by constructor name.
    const name = type === "object" || type === "closure" ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt]!]}` : type;
    const entry = totals.get(name) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + sizeAt]!;
    totals.set(name, entry);
  }
  return totals;
}

/** The `top` kinds that grew most in bytes from `before` to `after`. */
export function heapGrowth(before: string, after: string, top = 15): Array<{ name: string; count: number; bytes: number }> {
  const a = heapByName(before);
  const b = heapByName(after);
  return [...b.entries()]
    .map(([name, now]) => ({ name, count: now.count - (a.get(name)?.count ?? 0), bytes: now.bytes - (a.get(name)?.bytes ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top);
}
