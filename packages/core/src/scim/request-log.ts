import { scimRequestLog, sql, type Database } from "@gatehouse/db";

/** The request log keeps, per directory, this many newest rows and nothing older than this many days. */
export const SCIM_LOG_KEEP_ROWS = 1_000;
export const SCIM_LOG_KEEP_DAYS = 30;
/** A stored request body is cut to this many characters of JSON. */
export const SCIM_LOG_BODY_MAX_CHARS = 8_192;

const SECRET_KEY = /pass(word)?|secret|token|credential|api[-_]?key/i;

/** The body with secret-looking values replaced and, if large, cut to a preview. Pure. */
export function redactForLog(body: unknown): unknown {
  if (body === undefined) return null;
  const redacted = redact(body, 0);
  const json = JSON.stringify(redacted);
  if (json.length <= SCIM_LOG_BODY_MAX_CHARS) return redacted;
  return { truncated: true, bytes: json.length, preview: json.slice(0, SCIM_LOG_BODY_MAX_CHARS) };
}

function redact(value: unknown, depth: number): unknown {
  if (depth > 20) return "[too deep]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
  // Entra and SCIMMY send `{ "path": "password", "value": … }` PATCH operations.
  if (typeof out.path === "string" && SECRET_KEY.test(out.path) && "value" in out) out.value = "[redacted]";
  return out;
}

export type RequestLogEntry = {
  directoryId: string;
  method: string;
  path: string;
  status: number;
  summary: string | null;
  error: string | null;
  body: unknown;
  at: Date;
};

/** Appends one row to a directory's request log. */
export async function writeScimRequestLog(db: Pick<Database, "insert">, entry: RequestLogEntry): Promise<void> {
  await db.insert(scimRequestLog).values({
    directoryId: entry.directoryId,
    at: entry.at,
    method: entry.method,
    path: entry.path.slice(0, 500),
    status: entry.status,
    summary: entry.summary?.slice(0, 500) ?? null,
    error: entry.error?.slice(0, 1000) ?? null,
    requestBody: redactForLog(entry.body),
  });
}

/**
 * The periodic sweep: drops rows older than 30 days and, per directory, all but the newest
 * 1,000. Returns how many rows went.
 */
export async function pruneScimRequestLogs(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - SCIM_LOG_KEEP_DAYS * 86_400_000);
  const old = await db.execute(sql`delete from scim_request_log where at < ${cutoff.toISOString()}::timestamptz`);
  const excess = await db.execute(sql`
    delete from scim_request_log l using (
      select id from (select id, row_number() over (partition by directory_id order by at desc, id desc) as n from scim_request_log) ranked where n > ${SCIM_LOG_KEEP_ROWS}
    ) doomed where l.id = doomed.id`);
  return (old.count ?? 0) + (excess.count ?? 0);
}
