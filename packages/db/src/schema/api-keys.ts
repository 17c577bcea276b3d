import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { users } from "./users";

/** account: the account's own key, created by an admin; personal: a member's token, acting as them. */
export const apiKeyKind = pgEnum("api_key_kind", ["account", "personal"]);
/** read: GET only; write: every method. */
export const apiKeyScope = pgEnum("api_key_scope", ["read", "write"]);

/**
 * A key for the public REST API (`X-Api-Key`): shown once, stored as SHA-256, listed by its
 * prefix. A personal access token (kind personal) names its member in `userId` and is bound to
 * one account, so it never reaches an account whose sign-in its holder has not proved.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: apiKeyKind("kind").notNull(),
    /** The member a personal token acts as; null for an account key. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: apiKeyScope("scope").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    /**
     * A personal token made in a session signed in through this account's own SSO. Only such a
     * token keeps working while the account requires SSO of its member: a token made after a
     * password sign-in would otherwise outlive the enforcement that refuses that password.
     */
    createdThroughSso: boolean("created_through_sso").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute, so a busy key does not turn every read into a write. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The per-key rate limit's fixed window, counted in one atomic UPDATE per request. */
    rateWindowStartedAt: timestamp("rate_window_started_at", { withTimezone: true }),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
  },
  (t) => [uniqueIndex("api_keys_token_hash_key").on(t.tokenHash), index("api_keys_account_idx").on(t.accountId), index("api_keys_user_idx").on(t.userId)],
);

/**
 * A POST answered under an `Idempotency-Key`: the same key with the same body replays the stored
 * answer; with another body it is refused. `principal` is "key:<id>" or "user:<id>".
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    principal: text("principal").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of method, path and body. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    response: jsonb("response").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_idempotency_principal_key").on(t.principal, t.idempotencyKey), index("api_idempotency_created_idx").on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyKind = (typeof apiKeyKind.enumValues)[number];
export type ApiKeyScope = (typeof apiKeyScope.enumValues)[number];
