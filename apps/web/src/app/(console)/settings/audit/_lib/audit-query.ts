import { z } from "zod";
import { AUDIT_KINDS, isAuditKind, type AuditCursor, type AuditKind, type AuditLogFilter } from "@gatehouse/core";

const DAY_MS = 86_400_000;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
// A cursor is the edge row's created_at (to the microsecond) and id: "<iso>~<id>".
const cursor = z
  .string()
  .max(100)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~\d{1,18}$/);

/** What the audit log's GET form and links carry; the same for the page and the CSV export. */
export type AuditQuery = {
  actor: string;
  kind: AuditKind | "";
  from: string;
  to: string;
  before?: AuditCursor;
  after?: AuditCursor;
};

export type ParsedAuditQuery = { query: AuditQuery; filter: AuditLogFilter; errors: string[] };

const one = (value: unknown): string => (typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "").trim();

export const encodeCursor = (c: AuditCursor): string => `${c.at}~${c.id}`;
function decodeCursor(value: string): AuditCursor | undefined {
  if (!cursor.safeParse(value).success) return undefined;
  const [at, id] = value.split("~");
  return { at: at!, id: Number(id) };
}

/**
 * Reads the filters from the query string. A bad value is dropped with a message saying what to
 * fix, never a crash; dates are whole UTC days, "to" included.
 */
export function parseAuditQuery(params: Record<string, unknown>): ParsedAuditQuery {
  const errors: string[] = [];
  const actor = one(params.actor).slice(0, 320);
  const rawKind = one(params.kind);
  const kind = rawKind && isAuditKind(rawKind) ? rawKind : "";
  if (rawKind && !kind) errors.push(`“${rawKind.slice(0, 40)}” is not a kind of event; choose one of ${Object.values(AUDIT_KINDS).join(", ")}.`);
  const dateOf = (name: "from" | "to"): string => {
    const raw = one(params[name]);
    if (raw && !day.safeParse(raw).success) {
      errors.push(`The “${name === "from" ? "From" : "To"}” date must be a day like 2026-03-01.`);
      return "";
    }
    return raw;
  };
  let from = dateOf("from");
  let to = dateOf("to");
  if (from && to && from > to) {
    errors.push("The “From” date is after the “To” date; swap them.");
    [from, to] = [to, from];
  }
  const before = one(params.before) ? decodeCursor(one(params.before)) : undefined;
  const after = one(params.after) ? decodeCursor(one(params.after)) : undefined;
  if ((one(params.before) && !before) || (one(params.after) && !after)) errors.push("That page link is not valid any more; showing the newest events.");
  const filter: AuditLogFilter = {
    ...(actor ? { actor } : {}),
    ...(kind ? { kind } : {}),
    ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { until: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } : {}),
  };
  return { query: { actor, kind, from, to, ...(before ? { before } : after ? { after } : {}) }, filter, errors };
}

/** A link to the audit log (or its export) with these filters and, optionally, a page cursor. */
export function auditHref(path: string, query: AuditQuery, page: { before?: AuditCursor; after?: AuditCursor } = {}): string {
  const params = new URLSearchParams();
  if (query.actor) params.set("actor", query.actor);
  if (query.kind) params.set("kind", query.kind);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (page.before) params.set("before", encodeCursor(page.before));
  if (page.after) params.set("after", encodeCursor(page.after));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
