import type { Database } from "@gatehouse/db";
import type { Actor } from "../context";
import { fail, ok, type Result } from "../result";
import { isStaffUser } from "../staff";
import { isAccountAdmin } from "../team";
import { checkSupportReason, REASON_MESSAGES } from "./support-reason";

export type ActingAs = {
  actor: Actor;
  bySupport: boolean;
  reason?: string | null;
  /**
   * The operator CLI (`pnpm gatehouse …`), run by someone with the deployment's database: trusted
   * like staff without a user row, and held to the same reason.
   */
  byOperator?: boolean;
};

/**
 * Who may run an account-wide recovery action: the account's admins, or our staff (or the
 * operator CLI) with a reason.
 * Returns the audit metadata every such action carries (the reason, and bySupport for staff).
 */
export async function authoriseSupportOrAdmin(
  db: Pick<Database, "select">,
  accountId: string,
  acting: ActingAs,
  whatAdminsMayDo: string,
): Promise<Result<{ reason?: string; bySupport?: true; byOperator?: true }>> {
  if (acting.bySupport || acting.byOperator) {
    const isStaff = acting.byOperator || (acting.actor.userId !== null && (await isStaffUser(db as Database, acting.actor.userId)));
    if (!isStaff) return fail("Only Gatehouse support staff can do this.");
    const checked = checkSupportReason(acting.reason);
    if (!checked.ok) return fail(REASON_MESSAGES[checked.problem]);
    return ok({ reason: checked.reason, bySupport: true, ...(acting.byOperator ? { byOperator: true as const } : {}) });
  }
  if (!(await isAccountAdmin(db, accountId, acting.actor))) return fail(`Only account admins can ${whatAdminsMayDo}.`);
  const reason = acting.reason?.trim();
  return ok(reason ? { reason } : {});
}
