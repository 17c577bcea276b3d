import { userHasMfa, type ResolvedSession } from "@gatehouse/core";
import { coreContext } from "./context";

/**
 * Staff must have MFA before they can open the support console (issue 14): a staff password
 * alone must not reach every customer's account.
 */
export async function staffMfaSatisfied(session: ResolvedSession): Promise<boolean> {
  return userHasMfa(coreContext().db, session.user.id);
}
