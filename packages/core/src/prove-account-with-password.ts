import { recordAuditEvent } from "./audit";
import type { CoreContext } from "./context";
import { authenticatePassword, type PasswordSignInError } from "./authenticate-password";
import { type Result, fail, ok } from "./result";
import { grantAccountToSession } from "./sessions";
import { isSsoEnforcedForMember } from "./sign-in-policy";

/**
 * Switching into an account this session did not prove (it was signed in through another
 * account's SSO): the person re-enters their password, with the same limits as a sign-in, and the
 * session then also grants that account, unless that account requires SSO of this member.
 */
export async function proveAccountWithPassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { sessionId: string; user: { id: string; email: string }; accountId: string; password: string; ip: string | null },
): Promise<Result<void, PasswordSignInError | { code: "not_a_member" } | { code: "sso_required" }>> {
  const checked = await authenticatePassword(ctx, { email: input.user.email, password: input.password, ip: input.ip });
  if (!checked.ok) return checked;
  if (checked.value.userId === input.user.id && (await isSsoEnforcedForMember(ctx, { userId: input.user.id, accountId: input.accountId }))) {
    await recordAuditEvent(ctx.db, {
      accountId: input.accountId,
      actor: { userId: input.user.id, label: input.user.email, ip: input.ip },
      action: "sign_in.password.refused",
      metadata: { reason: "sso_required" },
    });
    return fail({ code: "sso_required" });
  }
  if (checked.value.userId !== input.user.id || !(await grantAccountToSession(ctx.db, input.sessionId, input.accountId))) return fail({ code: "not_a_member" });
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: { userId: input.user.id, label: input.user.email, ip: input.ip },
    action: "session.account_proved",
    metadata: { method: "password" },
  });
  return ok(undefined);
}
