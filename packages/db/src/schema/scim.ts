import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./accounts";
import { memberRole } from "./members";
import { ssoConnections } from "./sso";
import { users } from "./users";

/**
 * A SCIM 2.0 directory: the account's IdP pushing people to `/scim/v2/<id>`. One per connection;
 * roles stay ours (new members get `defaultRole`).
 */
export const scimDirectories = pgTable(
  "scim_directories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    defaultRole: memberRole("default_role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("scim_directories_connection_key").on(t.connectionId), index("scim_directories_account_idx").on(t.accountId)],
);

/**
 * A bearer token for a directory: shown once, stored as SHA-256, listed by prefix. A rotated
 * token keeps working until `expiresAt` (the grace period); a revoked one stops at once.
 */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => scimDirectories.id, { onDelete: "cascade" }),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The per-token rate limit's fixed window: its start and how many requests it has counted (one atomic UPDATE per request). */
    rateWindowStartedAt: timestamp("rate_window_started_at", { withTimezone: true }),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
  },
  (t) => [uniqueIndex("scim_tokens_hash_key").on(t.tokenHash), index("scim_tokens_directory_idx").on(t.directoryId)],
);

/**
 * A SCIM User resource of a directory, linked to our user. `userName` and `externalId` are
 * unique per directory (case-insensitive userName), so retries never create duplicates.
 */
export const scimUsers = pgTable(
  "scim_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => scimDirectories.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    userName: text("user_name").notNull(),
    externalId: text("external_id"),
    active: boolean("active").notNull().default(true),
    /** The resource as stored (core + enterprise extension), without secrets such as passwords. */
    resource: jsonb("resource").$type<Record<string, unknown>>().notNull(),
    /** The role the member had when deactivated, restored on re-activation. */
    previousRole: memberRole("previous_role"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scim_users_directory_user_name_key").on(t.directoryId, sql`lower(${t.userName})`),
    uniqueIndex("scim_users_directory_external_id_key").on(t.directoryId, t.externalId),
    index("scim_users_user_idx").on(t.userId),
  ],
);

/** SCIM Group resources, stored and shown; they do not change roles. */
export const scimGroups = pgTable(
  "scim_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => scimDirectories.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    externalId: text("external_id"),
    /** SCIM user ids (scim_users.id) in the group. */
    memberIds: jsonb("member_ids").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("scim_groups_directory_name_key").on(t.directoryId, t.displayName)],
);

/** The last requests per directory, for the admin's request log (pruned to 1,000 / 30 days). */
export const scimRequestLog = pgTable(
  "scim_request_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => scimDirectories.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    /** What changed, in a sentence ("Created ada@acme.test", "Deactivated …"). */
    summary: text("summary"),
    /** The SCIM error sent back (scimType + detail), if any. */
    error: text("error"),
    /** The request body with secrets redacted, capped in size. */
    requestBody: jsonb("request_body").$type<unknown>(),
  },
  (t) => [index("scim_request_log_directory_time_idx").on(t.directoryId, t.at)],
);

export type ScimDirectory = typeof scimDirectories.$inferSelect;
export type ScimToken = typeof scimTokens.$inferSelect;
export type ScimUser = typeof scimUsers.$inferSelect;
export type ScimGroup = typeof scimGroups.$inferSelect;
