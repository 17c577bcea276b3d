import { recordAuditEvent } from "./audit";
import type { CoreContext } from "./context";
import { endSession, resolveSession } from "./sessions";

/**
 * Signs a session out: audited once (whichever of our sign-out paths runs first), then the row
 * is deleted so a kept copy of the cookie stops working on every instance.
 */
export async function signOutSession(ctx: Pick<CoreContext, "db" | "now">, rawId: string, ip: string | null): Promise<void> {
  const resolved = await resolveSession(ctx, rawId);
  if (resolved) {
    await recordAuditEvent(ctx.db, {
      accountId: resolved.activeAccount?.id ?? null,
      actor: { userId: resolved.user.id, label: resolved.user.email, ip },
      action: "sign_out",
    });
  }
  await endSession(ctx.db, rawId);
}
