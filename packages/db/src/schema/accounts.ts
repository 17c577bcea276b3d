import { boolean, index, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * How members of an account must sign in. any: password, social or SSO; mfa: any method, but a
 * password sign-in must complete MFA; sso: SSO only (password and social sign-in refused, save
 * for exempt members).
 */
export const authRequirement = pgEnum("auth_requirement", ["any", "mfa", "sso"]);

/** A customer of the SaaS product: the unit that owns members, connections and domains. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    authRequired: authRequirement("auth_required").notNull().default("any"),
    /** Every member must have MFA enrolled for password sign-ins (separate from authRequired, as Seed 003's API shape). */
    requireMfa: boolean("require_mfa").notNull().default(false),
    /** Support suspended SSO enforcement until then (a job restores it); null when not suspended. */
    enforcementSuspendedUntil: timestamp("enforcement_suspended_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_slug_key").on(t.slug),
    // The support console finds accounts by any part of their name (ILIKE '%q%').
    index("accounts_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type AuthRequirement = (typeof authRequirement.enumValues)[number];
