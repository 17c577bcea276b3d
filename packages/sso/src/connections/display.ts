import { eq, ssoConnections } from "@gatehouse/db";
import { fail, isAccountAdmin, nowOf, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";

/**
 * Renames a connection and its sign-in button. Nothing the IdP sees changes, so the connection
 * stays proven (no new Authenticate). Audited as a settings change, old → new.
 */
export async function setConnectionDisplay(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; name: string; buttonText: string; actor: Actor },
): Promise<Result<{ changed: boolean }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  const changes = Object.fromEntries(
    (["name", "buttonText"] as const).filter((key) => connection[key] !== input[key]).map((key) => [key, { from: connection[key], to: input[key] }]),
  );
  if (Object.keys(changes).length === 0) return ok({ changed: false });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ name: input.name, buttonText: input.buttonText, updatedAt: nowOf(ctx) })
      .where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.updated",
      target: { type: "sso_connection", id: connection.id, label: input.name },
      metadata: { provider: connection.provider, settingsChanged: false, changes },
    });
  });
  return ok({ changed: true });
}
