import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/**
 * Append-only record of every admin and support action and every sign-in outcome.
 * Actor and target are kept as ids plus a readable label, so the event still reads
 * correctly after the user or account is gone.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    ip: text("ip"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The audit log reads newest first with a (created_at, id) keyset, for the whole account or
  // one person; the kind filter is a prefix match on action within those ranges.
  (t) => [
    index("audit_events_account_time_idx").on(t.accountId, t.createdAt.desc(), t.id.desc()),
    index("audit_events_account_actor_time_idx").on(t.accountId, t.actorLabel, t.createdAt.desc(), t.id.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
