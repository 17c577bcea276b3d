import { accounts, and, eq, gt, isNull, memberships, sessions, sql, users, type Database } from "@gatehouse/db";

/** One of the user's accounts as the lookup reads it, before the session's grants are applied. */
export type ChoiceRow = {
  id: string;
  name: string;
  slug: string;
  role: "admin" | "member";
  /** The member's "SSO off" ran out and the sweep has not handled it yet. */
  exemptionLapsed: boolean;
};

/**
 * The session, its user and the user's accounts (a correlated json_agg) in one round trip: every
 * signed-in request pays for this lookup.
 */
function sessionLookup(db: Database) {
  const now = sql.placeholder("now");
  return db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name },
      choices: sql<ChoiceRow[] | string>`coalesce((
        select json_agg(json_build_object('id', ${accounts.id}, 'name', ${accounts.name}, 'slug', ${accounts.slug}, 'role', ${memberships.role},
          'exemptionLapsed', ${memberships.ssoExempt} and ${memberships.ssoExemptUntil} <= ${now}::timestamptz) order by ${accounts.name})
        from ${memberships} inner join ${accounts} on ${accounts.id} = ${memberships.accountId}
        where ${memberships.userId} = ${users.id}
      ), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder("idHash")), gt(sessions.expiresAt, sql.placeholder("now")), isNull(sessions.mfaStep)))
    .limit(1)
    .prepare("resolve_session");
}

type SessionLookup = ReturnType<typeof sessionLookup>;

// Built once per database client. Drizzle sends an unnamed query unprepared (postgres.js then asks
// PostgreSQL to parse and describe it first: two round trips); a prepared one is parsed once per
// connection and sent as a single Bind/Execute. The statement is cached, never its rows.
const lookups = new WeakMap<Database, SessionLookup>();

/** The live (unexpired, not MFA-pending) session with this id hash, its user and the user's accounts. */
export async function lookUpSession(db: Database, idHash: string, now: Date) {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = sessionLookup(db);
    lookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ idHash, now: now.toISOString() });
  return row;
}
