import type { Database } from "@gatehouse/db";
import type { Actor } from "../context";
import { fail, ok, type Result } from "../result";
import { isStaffUser } from "../staff";
import { isAccountAdmin } from "../team";
import { checkSupportReason, REASON_MESSAGES } from "./support-reason";

export type ActingAs = { actor: Actor; bySupport: boolean; reason?: string | null };

/**
 * Who may run an account-wide recovery action: the account's admins, or our staff with a reason.
 * Returns the audit metadata every such action carries (the reason, and bySupport for staff).
 */
export async function authoriseSupportOrAdmin(
  db: Pick<Database, "select">,
  accountId: string,
  acting: ActingAs,
  whatAdminsMayDo: string,
): Promise<Result<{ reason?: string; bySupport?: true }>> {
  if (acting.bySupport) {
    if (!acting.actor.userId || !(await isStaffUser(db as Database, acting.actor.userId))) return fail("Only Gatehouse support staff can do this.");
    const checked = checkSupportReason(acting.reason);
    if (!checked.ok) return fail(REASON_MESSAGES[checked.problem]);
    return ok({ reason: checked.reason, bySupport: true });
  }
  if (!(await isAccountAdmin(db, accountId, acting.actor))) return fail(`Only account admins can ${whatAdminsMayDo}.`);
  const reason = acting.reason?.trim();
  return ok(reason ? { reason } : {});
}
