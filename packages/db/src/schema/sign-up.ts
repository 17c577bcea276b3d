import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A sign-up with email and password waiting for its verification link. The user row is created
 * only when the link is followed, so an unverified address never becomes a login. Only the
 * token's SHA-256 and the password's hash are stored.
 */
export const signUpRequests = pgTable("sign_up_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  name: text("name").notNull().default(""),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});
