import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/**
 * A link that lets someone who is not a member (the IT admin with access to the IdP) set up this
 * account's SSO connections, and nothing else. Only the SHA-256 of the link's token is stored.
 */
export const ssoSetupLinks = pgTable(
  "sso_setup_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** What the link opens besides the SSO wizard (always): "domains", "scim". Chosen by the admin who sends it. */
    scope: text("scope")
      .array()
      .$type<("sso" | "domains" | "scim")[]>()
      .notNull()
      .default(sql`ARRAY['sso']::text[]`),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    /** When the creator was told a connection is ready to switch on (told once per link). */
    readyNotifiedAt: timestamp("ready_notified_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("sso_setup_links_token_hash_key").on(t.tokenHash), index("sso_setup_links_account_idx").on(t.accountId)],
);

export type SsoSetupLink = typeof ssoSetupLinks.$inferSelect;
