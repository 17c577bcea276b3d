import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Deployment-level security log: what reached us that no account can be held to, such as a SAML
 * response whose signature did not verify (anyone can post one naming any IdP). Kept apart
 * from accounts' audit logs so strangers cannot write into them. Rate-limited per IP.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    ip: text("ip"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("security_events_ip_time_idx").on(t.ip, t.createdAt), index("security_events_time_idx").on(t.createdAt)],
);

export type SecurityEvent = typeof securityEvents.$inferSelect;
