import { and, auditEvents, desc, eq, inArray, ssoResults, type Database, type SsoResultSummary } from "@gatehouse/db";

/** One line of a connection's Recent results: who, when, what, and how it ended. */
export type ConnectionActivity = {
  id: string;
  at: Date;
  what: "Authenticate" | "Test sign-in" | "Member sign-in";
  who: string | null;
  outcome: "succeeded" | "failed" | "email confirmation sent";
  /** Why it failed, when it did. */
  reason: string | null;
};

/** Member sign-ins are audited (not kept as results), with the person as the actor. */
const SIGN_IN_OUTCOMES = {
  "sign_in.sso.succeeded": "succeeded",
  "sign_in.sso.refused": "failed",
  "sign_in.sso.verification_sent": "email confirmation sent",
} as const satisfies Record<string, ConnectionActivity["outcome"]>;
type SignInAction = keyof typeof SIGN_IN_OUTCOMES;

const PURPOSES = { authenticate: "Authenticate", test_email: "Test sign-in", sign_in: "Member sign-in" } as const;

type ResultRow = { id: string; createdAt: Date; summary: SsoResultSummary };
type SignInEvent = { id: number; createdAt: Date; action: string; actorLabel: string; metadata: Record<string, unknown> };

/** Results and sign-in events as one list, newest first. */
export function mergeConnectionActivity(results: ResultRow[], events: SignInEvent[], limit: number): ConnectionActivity[] {
  const fromResults = results.map<ConnectionActivity>((r) => ({
    id: `result-${r.id}`,
    at: r.createdAt,
    what: PURPOSES[r.summary.purpose],
    who: r.summary.byUserEmail ?? r.summary.email,
    outcome: r.summary.ok ? "succeeded" : "failed",
    reason: r.summary.reason,
  }));
  const fromEvents = events
    .filter((e): e is SignInEvent & { action: SignInAction } => e.action in SIGN_IN_OUTCOMES)
    .map<ConnectionActivity>((e) => ({
      id: `event-${e.id}`,
      at: e.createdAt,
      what: "Member sign-in",
      who: e.actorLabel === "unknown" ? null : e.actorLabel,
      outcome: SIGN_IN_OUTCOMES[e.action],
      reason: typeof e.metadata.reason === "string" ? e.metadata.reason : null,
    }));
  return [...fromResults, ...fromEvents].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/** Audit events about one connection with one of these actions (the account's index narrows them). */
function eventsOf(connection: { id: string; accountId: string }, actions: string[]) {
  return and(
    eq(auditEvents.accountId, connection.accountId),
    eq(auditEvents.targetType, "sso_connection"),
    eq(auditEvents.targetId, connection.id),
    inArray(auditEvents.action, actions),
  );
}

/** Authenticate, test sign-ins and member sign-ins through one connection, newest first. */
export async function listConnectionActivity(db: Database, connection: { id: string; accountId: string }, limit = 20): Promise<ConnectionActivity[]> {
  const [results, events] = await Promise.all([
    db.select().from(ssoResults).where(eq(ssoResults.connectionId, connection.id)).orderBy(desc(ssoResults.createdAt)).limit(limit),
    db
      .select({
        id: auditEvents.id,
        createdAt: auditEvents.createdAt,
        action: auditEvents.action,
        actorLabel: auditEvents.actorLabel,
        metadata: auditEvents.metadata,
      })
      .from(auditEvents)
      .where(eventsOf(connection, Object.keys(SIGN_IN_OUTCOMES)))
      .orderBy(desc(auditEvents.createdAt))
      .limit(limit),
  ]);
  return mergeConnectionActivity(results, events, limit);
}

/** Did Test Connection pass since the settings were last saved? (Both are audited.) */
export async function hasPassedTestSinceSave(db: Database, connection: { id: string; accountId: string }): Promise<boolean> {
  const [latest] = await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eventsOf(connection, ["sso.connection.created", "sso.connection.updated", "sso.connection.test_passed", "sso.connection.test_failed"]))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(1);
  return latest?.action === "sso.connection.test_passed";
}
