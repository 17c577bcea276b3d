import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * A person who can sign in. Emails are stored normalised (trimmed, lower-case) and the unique
 * index is on lower(email) as well, so a row written by any other path cannot create a twin
 * that differs only in case.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** Our own support staff (set only by the operator CLI): may open /support and /admin. */
    isStaff: boolean("is_staff").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    // Team search is `ILIKE '%q%'` on name or email: trigram indexes (pg_trgm, created in the
    // migration) answer it without scanning every user.
    index("users_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
    index("users_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    // The team list's order (and its keyset cursor), so a page is read in order, not sorted.
    index("users_name_email_sort_idx").on(sql`lower(${t.name})`, t.email),
  ],
);

export type User = typeof users.$inferSelect;
