import { recordAuditEvent } from "./audit";
import type { CoreContext } from "./context";
import { authenticatePassword, type PasswordSignInError } from "./authenticate-password";
import { type Result, fail, ok } from "./result";
import { grantAccountToSession } from "./sessions";

/**
 * Switching into an account this session did not prove (it was signed in through another
 * account's SSO): the person re-enters their password, with the same limits as a sign-in, and the
 * session then also grants that account. Until enforcement exists every account allows passwords.
 */
export async function proveAccountWithPassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { sessionId: string; user: { id: string; email: string }; accountId: string; password: string; ip: string | null },
): Promise<Result<void, PasswordSignInError | { code: "not_a_member" }>> {
  const checked = await authenticatePassword(ctx, { email: input.user.email, password: input.password, ip: input.ip });
  if (!checked.ok) return checked;
  if (checked.value.userId !== input.user.id || !(await grantAccountToSession(ctx.db, input.sessionId, input.accountId))) return fail({ code: "not_a_member" });
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: { userId: input.user.id, label: input.user.email, ip: input.ip },
    action: "session.account_proved",
    metadata: { method: "password" },
  });
  return ok(undefined);
}
