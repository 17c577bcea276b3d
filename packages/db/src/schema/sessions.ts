import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/** social: a deployment-wide login provider ("Sign in with Google"), a convenience that is not SSO. */
export const signInMethod = pgEnum("sign_in_method", ["password", "sso", "social"]);
/** What a password sign-in still owes before the session grants anything: a code, or enrolment. */
export const mfaStep = pgEnum("session_mfa_step", ["verify", "enrol"]);

/**
 * Server-side sessions. The browser's (encrypted) next-auth JWT carries only the session id;
 * every request looks the row up, so deleting it ends the session on every app instance.
 * Only the id's SHA-256 is stored, so a database read does not yield usable session ids.
 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeAccountId: uuid("active_account_id").references(() => accounts.id, { onDelete: "set null" }),
    method: signInMethod("method").notNull(),
    /** The SSO connection that signed this session in; plain uuid so SSO tables can come later. */
    connectionId: uuid("connection_id"),
    /**
     * The accounts this session's sign-ins proved, by name: an SSO sign-in proves its connection's
     * account only, a password one the accounts its policy allowed then (not those joined later).
     */
    grantedAccountIds: uuid("granted_account_ids").array().notNull(),
    /** Set while the password is checked but MFA is still due: such a session grants nothing. */
    mfaStep: mfaStep("mfa_step"),
    /** When this session's sign-in completed our MFA (null: it did not, e.g. SSO or no MFA). */
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    /**
     * Switching accounts: the password was re-checked for this account and a code is still owed.
     * Held here for a few minutes so a wrong code does not mean retyping the password; the
     * password itself is never kept.
     */
    passwordProvedAccountId: uuid("password_proved_account_id").references(() => accounts.id, { onDelete: "set null" }),
    passwordProvedUntil: timestamp("password_proved_until", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  // The hourly expired-rows sweep finds expired sessions by this.
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_at_idx").on(t.expiresAt)],
);

/** Single-use, expiring password reset links; only the token's SHA-256 is stored. */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Attempts that count against a limit, keyed by "email:<addr>", "ip:<addr>", "reset-email:<addr>"
 * or "reset-ip:<addr>". Recorded as "no" before the work is done (so parallel attempts see each
 * other), set to "yes" when a sign-in succeeds. Rows older than the window are pruned.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    succeeded: text("succeeded").$type<"yes" | "no">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_key_time_idx").on(t.key, t.createdAt), index("sign_in_attempts_created_idx").on(t.createdAt)],
);

export type Session = typeof sessions.$inferSelect;
export type SignInMethod = (typeof signInMethod.enumValues)[number];
export type MfaStep = (typeof mfaStep.enumValues)[number];
