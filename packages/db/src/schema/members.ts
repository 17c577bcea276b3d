import { sql } from "drizzle-orm";
import { boolean, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex, index } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

export const memberRole = pgEnum("member_role", ["admin", "member"]);
/** How a membership came to be (domain: auto-join or a managed-users import); kept so deprovisioning knows its source. */
export const memberSource = pgEnum("member_source", ["seed", "invite", "jit", "scim", "domain", "signup"]);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull().default("member"),
    source: memberSource("source").notNull().default("invite"),
    /** "SSO off for this member": break-glass admins and contractors may still use a password. */
    ssoExempt: boolean("sso_exempt").notNull().default(false),
    /** When set, the exemption ends then (null with ssoExempt: no end date). */
    ssoExemptUntil: timestamp("sso_exempt_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_account_user_key").on(t.accountId, t.userId),
    index("memberships_user_idx").on(t.userId),
    // The one-minute sweep that ends exemptions whose date has come reads only these few rows.
    index("memberships_sso_exempt_until_idx")
      .on(t.ssoExemptUntil)
      .where(sql`${t.ssoExempt}`),
  ],
);

/** A pending invitation; the token itself is never stored, only its SHA-256. */
export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: memberRole("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("invites_token_hash_key").on(t.tokenHash), index("invites_account_idx").on(t.accountId)],
);

export type Membership = typeof memberships.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type Invite = typeof invites.$inferSelect;
