import { eq, ssoConnections, sessions } from "@gatehouse/db";
import { decideSetupLinkStep, isAccountAdmin, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { removeSamlConnectionFromJackson } from "./jackson-sync";
import { getConnection } from "./queries";

/**
 * Switches a connection on or off. On needs a successful Authenticate with the current settings,
 * so a typo in the IdP settings can never become the way members sign in. Off ends the sessions
 * it signed in.
 */
export async function setConnectionEnabled(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; enabled: boolean; actor: Actor },
): Promise<Result<void>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return { ok: false, error: "Only account admins can configure SSO." };
  if (input.actor.viaSetupLinkId) {
    const decision = decideSetupLinkStep(input.enabled ? "switch_on" : "switch_off");
    if (!decision.allowed) return { ok: false, error: decision.reason };
  }
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return { ok: false, error: "That connection no longer exists." };
  if (input.enabled && !connection.verifiedAt) {
    return { ok: false, error: "Run Authenticate successfully before switching this connection on: it proves the settings work." };
  }
  if (connection.enabled === input.enabled) return { ok: true, value: undefined };
  await ctx.db.transaction(async (tx) => {
    await tx.update(ssoConnections).set({ enabled: input.enabled, updatedAt: new Date() }).where(eq(ssoConnections.id, connection.id));
    const ended = input.enabled ? [] : await tx.delete(sessions).where(eq(sessions.connectionId, connection.id)).returning({ idHash: sessions.idHash });
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: input.enabled ? "sso.connection.enabled" : "sso.connection.disabled",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: input.enabled ? {} : { sessionsEnded: ended.length },
    });
  });
  return { ok: true, value: undefined };
}

/** Deletes a connection (and its Jackson copy); sessions it signed in end. */
export async function deleteConnection(ctx: SsoContext, input: { accountId: string; connectionId: string; actor: Actor }): Promise<Result<void>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return { ok: false, error: "Only account admins can configure SSO." };
  if (input.actor.viaSetupLinkId) {
    const decision = decideSetupLinkStep("delete_connection");
    if (!decision.allowed) return { ok: false, error: decision.reason };
  }
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return { ok: false, error: "That connection no longer exists." };
  if (connection.provider === "saml") await removeSamlConnectionFromJackson(ctx, connection.id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.connectionId, connection.id));
    await tx.delete(ssoConnections).where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.deleted",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
    });
  });
  return { ok: true, value: undefined };
}
