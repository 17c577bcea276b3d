import { type SQL, sql } from "drizzle-orm";
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
    // lower(name) and lower(email), kept by PostgreSQL itself. Team search matches them with a
    // plain LIKE on the lowered term, which is what ILIKE does inside (it lowers both sides when the
    // encoding is multibyte) without calling lower() on every row it reads: half the time of a
    // search that reads thousands of rows. name_lower is also the team list's sort key.
    nameLower: text("name_lower")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`lower(${users.name})`),
    emailLower: text("email_lower")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`lower(${users.email})`),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    // Team search is `LIKE '%q%'` on the lowered name or email: trigram indexes (pg_trgm, created
    // in an earlier migration) answer it without scanning every user. fastupdate off: with it on,
    // new rows wait in a pending list (up to 4 MB) that every search reads in full until autovacuum
    // merges it, 10–15 ms a search after a 50,000-user import; a user insert costs a little more.
    index("users_name_lower_trgm_idx").using("gin", t.nameLower.op("gin_trgm_ops")).with({ fastupdate: false }),
    index("users_email_lower_trgm_idx").using("gin", t.emailLower.op("gin_trgm_ops")).with({ fastupdate: false }),
    // The support console's and managed users' `email ILIKE '%q%'`.
    index("users_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
    // The team list's order (and its keyset cursor), so a page is read in order, not sorted.
    index("users_name_lower_email_idx").on(t.nameLower, t.email),
  ],
);

export type User = typeof users.$inferSelect;
