import type { Database } from "@gatehouse/db";
import { confirmMfaEnrolment, startMfaEnrolment, totpCodeAt, type MfaContext } from "../src";

export const T0 = new Date("2026-11-27T12:00:05Z");

/** A context whose clock the test moves, 30 seconds a step. */
export function clockedMfaContext(db: Database, encryptionKey: string, start = T0) {
  let now = start;
  const ctx: MfaContext = { db, now: () => now, encryptionKey };
  return { ctx, advance: (steps = 1) => (now = new Date(now.getTime() + steps * 30_000)), now: () => now };
}

/** Enrols a user; returns the base32 secret (read back from the URI, as an app would) and codes. */
export async function enrol(ctx: MfaContext, user: { id: string; email: string }, now: Date) {
  const started = await startMfaEnrolment(ctx, { userId: user.id, email: user.email });
  if (!started.ok) throw new Error(started.error);
  const secret = new URL(started.value.uri).searchParams.get("secret")!;
  const confirmed = await confirmMfaEnrolment(ctx, { userId: user.id, code: totpCodeAt(secret, now), actor: { userId: user.id, label: user.email, ip: null } });
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { secret, recoveryCodes: confirmed.value.recoveryCodes };
}
