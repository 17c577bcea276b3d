import { sql, type SQL } from "drizzle-orm";
import { auditEvents } from "@gatehouse/db";
import { AUDIT_KIND_ACTIONS, type AuditKind } from "./audit-kinds";

const action = auditEvents.action;
const bySupport = sql`(${auditEvents.metadata}->>'bySupport') = 'true'`;
const notBySupport = sql`(${auditEvents.metadata}->>'bySupport') is distinct from 'true'`;
const kinds = Object.entries(AUDIT_KIND_ACTIONS) as [Exclude<AuditKind, "other">, { prefixes: string[]; exact: string[] }][];

// starts_with, not LIKE: action names hold "_", which LIKE reads as a wildcard.
function namesOf(kind: Exclude<AuditKind, "other">): SQL {
  const own = AUDIT_KIND_ACTIONS[kind];
  const claimedElsewhere = kinds.filter(([k]) => k !== kind).flatMap(([, a]) => a.exact);
  const prefixes = own.prefixes.map((p) => sql`starts_with(${action}, ${p})`);
  const byPrefix = prefixes.length
    ? sql`((${sql.join(prefixes, sql` or `)})${
        claimedElsewhere.length
          ? sql` and ${action} not in (${sql.join(
              claimedElsewhere.map((e) => sql`${e}`),
              sql`, `,
            )})`
          : sql``
      })`
    : sql`false`;
  return own.exact.length
    ? sql`(${action} in (${sql.join(
        own.exact.map((e) => sql`${e}`),
        sql`, `,
      )}) or ${byPrefix})`
    : byPrefix;
}

/** The SQL condition of one kind: the same grouping `auditKindOf` gives a single event. */
export function auditKindCondition(kind: AuditKind): SQL {
  if (kind === "support") return sql`(${bySupport} or ${namesOf("support")})`;
  if (kind === "other")
    return sql`(${notBySupport} and not (${sql.join(
      kinds.map(([k]) => namesOf(k)),
      sql` or `,
    )}))`;
  return sql`(${namesOf(kind)} and ${notBySupport})`;
}
