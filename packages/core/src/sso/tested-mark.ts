import { eq, users, type Database } from "@gatehouse/db";

/** "I already tested this connection": when, and which admin said so (their email, while they exist). */
export type TestedMark = { at: Date; byEmail: string | null } | null;

/** The connection's "marked as tested" note with the admin's email looked up; null when never marked. */
export async function loadTestedMark(db: Database, connection: { markedTestedAt: Date | null; markedTestedByUserId: string | null }): Promise<TestedMark> {
  if (!connection.markedTestedAt) return null;
  const [by] = connection.markedTestedByUserId
    ? await db.select({ email: users.email }).from(users).where(eq(users.id, connection.markedTestedByUserId)).limit(1)
    : [];
  return { at: connection.markedTestedAt, byEmail: by?.email ?? null };
}
