import type { Actor } from "../context";
import { MAX_REASON_LENGTH, MAX_SUSPENSION_HOURS, MIN_REASON_LENGTH, MIN_SUSPENSION_HOURS, REASON_MESSAGES } from "../limits";

export { REASON_MESSAGES };

export type ReasonProblem = keyof typeof REASON_MESSAGES;

/**
 * Every support action carries a reason the customer can read in their audit log. Returns the
 * trimmed reason, or why it cannot be used.
 */
export function checkSupportReason(reason: string | null | undefined): { ok: true; reason: string } | { ok: false; problem: ReasonProblem } {
  const trimmed = (reason ?? "").trim().replace(/\s+/g, " ");
  if (trimmed.length === 0) return { ok: false, problem: "reason_missing" };
  if (trimmed.length < MIN_REASON_LENGTH) return { ok: false, problem: "reason_too_short" };
  if (trimmed.length > MAX_REASON_LENGTH) return { ok: false, problem: "reason_too_long" };
  return { ok: true, reason: trimmed };
}

/** Whether a suspension of this many hours may be asked for: whole hours from 1 to 72. */
export function isAllowedSuspensionHours(hours: number): boolean {
  return Number.isInteger(hours) && hours >= MIN_SUSPENSION_HOURS && hours <= MAX_SUSPENSION_HOURS;
}

/** Whether SSO enforcement is paused at `now` (helper for the sign-in policy and the consoles). */
export function isEnforcementSuspended(suspendedUntil: Date | null, now: Date): boolean {
  return suspendedUntil !== null && now.getTime() < suspendedUntil.getTime();
}

/** The actor label a customer sees for one of our staff: "Gatehouse support (Sam)". */
export function supportActorLabel(staff: { name: string; email: string }): string {
  const who = staff.name.trim() || staff.email;
  return `Gatehouse support (${who})`;
}

export function supportActor(staff: { id: string; name: string; email: string }, ip: string | null): Actor {
  return { userId: staff.id, label: supportActorLabel(staff), ip };
}

/** The operator CLI as the customer's audit log shows it: "Gatehouse support (operator CLI, sam)". */
export function operatorActor(osUser: string): Actor {
  return { userId: null, label: `Gatehouse support (operator CLI, ${osUser})`, ip: null };
}
