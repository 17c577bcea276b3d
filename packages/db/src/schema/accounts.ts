import { pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";

/** A customer of the SaaS product: the unit that owns members, connections and domains. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_slug_key").on(t.slug)],
);

export type Account = typeof accounts.$inferSelect;
