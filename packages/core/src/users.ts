import { eq, sql, users, type Database } from "@gatehouse/db";
import { normaliseEmail } from "./email-address";

/** Finds a user by email, case-insensitively (the unique index is on lower(email)). */
export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
    .limit(1);
  return user ?? null;
}
