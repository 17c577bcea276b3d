import { stringify } from "csv-stringify/sync";
import { AUDIT_KINDS } from "./audit-kinds";
import type { AuditLogEntry } from "./list-audit-log";

const COLUMNS = ["When (UTC)", "Who", "What", "Kind", "Action", "Target", "IP", "Details"];

/**
 * The audit log as CSV for spreadsheets. Values come from people and IdPs (names, emails,
 * reasons), so a cell starting with = + - @ is escaped with a leading ' (CSV injection).
 */
export function auditLogCsv(entries: AuditLogEntry[]): string {
  const rows = entries.map((e) => [
    e.createdAt.toISOString(),
    e.actorName ? `${e.actorName} <${e.actorLabel}>` : e.actorLabel,
    e.sentence,
    AUDIT_KINDS[e.kind],
    e.action,
    e.targetLabel ?? "",
    e.ip ?? "",
    Object.keys(e.metadata).length ? JSON.stringify(e.metadata) : "",
  ]);
  return stringify([COLUMNS, ...rows], { escape_formulas: true, record_delimiter: "windows" });
}
