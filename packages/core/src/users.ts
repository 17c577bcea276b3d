import { eq, sql, users, type Database } from "@gatehouse/db";
import { normaliseEmail } from "./email-address";
import type { Actor } from "./context";

/** Finds a user by email, case-insensitively (the unique index is on lower(email)). */
export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
    .limit(1);
  return user ?? null;
}

/**
 * How emails name the person who acted: their name where they have one, else what the actor is
 * labelled with (their email, "Gatehouse support", an API key's name).
 */
export async function actorDisplayName(db: Database, actor: Pick<Actor, "userId" | "label">): Promise<string> {
  if (!actor.userId) return actor.label;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).limit(1);
  return user?.name.trim() || actor.label;
}
