import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./accounts";
import { users } from "./users";

/**
 * pending: added, record not seen yet (re-checked for 72 h); expired: pending for 72 h without
 * the record (re-checks stopped, "Verify now" starts again); verified: the record was seen;
 * lost: verified, then the record was missing for 72 h (or another account proved it after the
 * record was gone): routing and trust no longer rely on it.
 */
export const domainStatus = pgEnum("domain_status", ["pending", "expired", "verified", "lost"]);
/** What a verified domain does for people whose verified email is on it. */
export const autoJoinPolicy = pgEnum("auto_join_policy", ["off", "join", "request"]);

/**
 * A domain an account claims, proven by a DNS TXT record. Many accounts may claim one; at most
 * one holds it verified (partial unique index).
 */
export const accountDomains = pgTable(
  "account_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Normalised: lower case, no trailing dot, IDN as punycode (ASCII). */
    domain: text("domain").notNull(),
    /** Also covers its subdomains; the most specific verified domain wins. */
    includeSubdomains: boolean("include_subdomains").notNull().default(false),
    status: domainStatus("status").notNull().default("pending"),
    /** The TXT value to publish at `_gatehouse-challenge.<domain>` (public by nature). */
    verificationToken: text("verification_token").notNull(),
    autoJoin: autoJoinPolicy("auto_join").notNull().default("off"),
    /** Members whose email is on this (verified) domain must sign in with SSO (Twilio's per-domain enforcement). */
    enforceSso: boolean("enforce_sso").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    /** Outcome code of the last check: found, no_such_domain, no_txt_record, other_value, timeout, dns_error. */
    lastCheckResult: text("last_check_result"),
    /** A person-readable sentence for the last failure (never raw resolver output). */
    lastCheckDetail: text("last_check_detail"),
    /**
     * Since when the record has been missing: for a verified domain, when it was first seen
     * missing (cleared when seen again); for a pending claim, when the claim (re)started, which
     * starts its 72-hour re-check window.
     */
    missingSince: timestamp("missing_since", { withTimezone: true }),
    lostAt: timestamp("lost_at", { withTimezone: true }),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("account_domains_account_domain_key").on(t.accountId, t.domain),
    uniqueIndex("account_domains_verified_domain_key")
      .on(t.domain)
      .where(sql`${t.status} = 'verified'`),
    index("account_domains_domain_idx").on(t.domain),
    index("account_domains_next_check_idx").on(t.nextCheckAt),
  ],
);

export const joinRequestStatus = pgEnum("join_request_status", ["pending", "approved", "declined"]);

/** A signed-in user on a verified "request to join" domain asks to join the account. */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id").references(() => accountDomains.id, { onDelete: "set null" }),
    status: joinRequestStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("join_requests_account_user_key").on(t.accountId, t.userId), index("join_requests_account_status_idx").on(t.accountId, t.status)],
);

export type AccountDomain = typeof accountDomains.$inferSelect;
export type DomainStatus = (typeof domainStatus.enumValues)[number];
export type AutoJoinPolicy = (typeof autoJoinPolicy.enumValues)[number];
export type JoinRequest = typeof joinRequests.$inferSelect;
