import { notFound, redirect } from "next/navigation";
import { isStaffUser, supportActor, type Actor, type ResolvedSession } from "@gatehouse/core";
import { getCurrentSession } from "@/auth/session";
import { db } from "./context";
import { clientIp } from "./request";
import { staffMfaSatisfied } from "./staff-mfa";

export const SUPPORT_MFA_REQUIRED = "/support/mfa-required";

/**
 * The support console's gate: anyone who is not staff (signed out included) gets a 404, so the
 * console does not announce itself. Staff without MFA are sent to set it up first.
 */
export async function requireStaff(options: { allowWithoutMfa?: boolean } = {}): Promise<ResolvedSession> {
  const session = await getCurrentSession();
  if (!session || !(await isStaffUser(db(), session.user.id))) notFound();
  if (!options.allowWithoutMfa && !(await staffMfaSatisfied(session))) redirect(SUPPORT_MFA_REQUIRED);
  return session;
}

/** The staff member as the customer's audit log shows them: "Gatehouse support (Sam)". */
export async function supportActorOf(session: ResolvedSession): Promise<Actor> {
  return supportActor(session.user, await clientIp());
}
