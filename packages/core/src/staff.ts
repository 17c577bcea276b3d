import { asc, eq, sql, users, type Database } from "@gatehouse/db";
import { normaliseEmail } from "./email-address";
import { fail, ok, type Result } from "./result";

export type StaffMember = { id: string; email: string; name: string };

/**
 * Grants or withdraws the staff flag (support console, deployment settings). Only the operator
 * CLI calls this: no web route can make anyone staff.
 */
export async function setStaff(db: Database, email: string, isStaff: boolean): Promise<Result<StaffMember & { changed: boolean }, "no_such_user">> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, isStaff: users.isStaff })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
    .limit(1);
  if (!user) return fail("no_such_user");
  if (user.isStaff !== isStaff) await db.update(users).set({ isStaff }).where(eq(users.id, user.id));
  return ok({ id: user.id, email: user.email, name: user.name, changed: user.isStaff !== isStaff });
}

export async function listStaff(db: Database): Promise<StaffMember[]> {
  return db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.isStaff, true)).orderBy(asc(users.email));
}

export async function isStaffUser(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ isStaff: users.isStaff }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.isStaff ?? false;
}
