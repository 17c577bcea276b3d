import { desc, emailOutbox, eq, sql, type Database, type OutboxEmail } from "@gatehouse/db";

export type OutboxTransport = OutboxEmail["transport"];

/** Stored instead of the body when it is not kept: bodies carry reset, invite and sign-in links. */
export const BODY_NOT_KEPT = {
  html: "<p>The body of this email is not kept: it carried single-use links. Gatehouse keeps whole emails only for the dev mailbox (development, without SMTP_URL).</p>",
  text: "The body of this email is not kept: it carried single-use links. Gatehouse keeps whole emails only for the dev mailbox (development, without SMTP_URL).",
} as const;

/** Deletes up to `limit` outbox rows older than `olderThanDays`, oldest first; returns how many. */
export async function purgeOutbox(db: Database, { olderThanDays, limit = 500 }: { olderThanDays: number; limit?: number }): Promise<number> {
  const before = new Date(Date.now() - olderThanDays * 24 * 60 * 60_000);
  const deleted = await db.execute(sql`
    delete from ${emailOutbox} where ${emailOutbox.id} in (
      select ${emailOutbox.id} from ${emailOutbox}
      where ${emailOutbox.createdAt} < ${before.toISOString()}::timestamptz
      order by ${emailOutbox.createdAt}
      limit ${Math.max(1, Math.trunc(limit))}
    ) returning ${emailOutbox.id}`);
  return deleted.length;
}

export async function recordEmail(
  db: Database,
  email: Pick<OutboxEmail, "to" | "subject" | "html" | "text" | "template" | "transport"> & { status?: "queued" | "sent" },
): Promise<string> {
  const sentAt = email.status === "sent" ? new Date() : null;
  const [row] = await db
    .insert(emailOutbox)
    .values({ ...email, sentAt })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("Inserting into email_outbox returned no row");
  return row.id;
}

/** `dropBody`: a queued email's body (with its live links) leaves the database once it is done. */
export async function markSent(db: Database, id: string, { dropBody = false } = {}): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: new Date(), error: null, ...(dropBody ? BODY_NOT_KEPT : {}) })
    .where(eq(emailOutbox.id, id));
}

export async function markFailed(db: Database, id: string, error: string, { dropBody = false } = {}): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "failed", error, ...(dropBody ? BODY_NOT_KEPT : {}) })
    .where(eq(emailOutbox.id, id));
}

/** The row stays queued; its error shows why the last attempt failed. */
export async function noteRetry(db: Database, id: string, error: string): Promise<void> {
  await db.update(emailOutbox).set({ error }).where(eq(emailOutbox.id, id));
}

/** Newest first; `to` matches case-insensitively. */
export async function listOutbox(db: Database, { limit = 50, to }: { limit?: number; to?: string } = {}): Promise<OutboxEmail[]> {
  const rows = Math.min(Math.max(Math.trunc(limit), 1), 500);
  const recipient = to?.trim().toLowerCase();
  return db
    .select()
    .from(emailOutbox)
    .where(recipient ? sql`lower(${emailOutbox.to}) = ${recipient}` : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(rows);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `undefined` for an unknown id, including one that is not a UUID (ids come from URLs). */
export async function getOutboxEmail(db: Database, id: string): Promise<OutboxEmail | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row;
}
