import { eq, inArray, ssoConnections } from "@gatehouse/db";
import { decideEntityIdClaim, recordAuditEvent, type Actor, type EntityIdHolder } from "@gatehouse/core";
import { getJackson, JACKSON_PRODUCT } from "../jackson";
import { ssoUrls, type SsoContext } from "../context";

export type SyncResult = { ok: true } | { ok: false; error: string };

/** Who registers the connection: for audit, and to know whose entity ID it is. Loaded from the row when omitted. */
export type SyncClaimant = { accountId: string; entityId: string; actor: Actor };

/** Shown to an admin whose IdP is held by another account: nothing about that account leaks. */
export const ENTITY_ID_HELD_ELSEWHERE = "This identity provider can't be used for this account. If you believe this is wrong, contact support.";
const ENTITY_ID_HELD_IN_THIS_ACCOUNT =
  "Another connection of this account already uses this IdP entity ID. Each connection needs its own app in your IdP, with its own entity ID; or delete the other connection.";
const SYSTEM_ACTOR: Actor = { userId: null, label: "Gatehouse", ip: null };

/**
 * Mirrors a SAML connection into Jackson (tenant = our connection id). Replacing it whole keeps
 * Jackson's copy exactly what we store, whatever changed. Jackson lets one connection hold an IdP
 * entity ID; who gets it when two want it is `decideEntityIdClaim`.
 */
export async function syncSamlConnectionToJackson(ctx: SsoContext, connectionId: string, rawMetadata: string, claimant?: SyncClaimant): Promise<SyncResult> {
  const jackson = await getJackson(ctx);
  const urls = ssoUrls(ctx.appUrl);
  const register = () =>
    jackson.connectionAPIController.createSAMLConnection({
      rawMetadata,
      tenant: connectionId,
      product: JACKSON_PRODUCT,
      defaultRedirectUrl: urls.samlCallbackUri,
      redirectUrl: [urls.samlCallbackUri],
      name: connectionId,
    });
  try {
    await jackson.connectionAPIController.deleteConnections({ tenant: connectionId, product: JACKSON_PRODUCT });
    try {
      await register();
    } catch (error) {
      if (!isEntityIdTaken(error)) throw error;
      const who = claimant ?? (await claimantFromRow(ctx, connectionId));
      if (!who) return { ok: false, error: ENTITY_ID_HELD_ELSEWHERE };
      const claimed = await claimEntityId(ctx, connectionId, who);
      if (!claimed.ok) return claimed;
      await register();
    }
    return { ok: true };
  } catch (error) {
    if (isEntityIdTaken(error)) return { ok: false, error: ENTITY_ID_HELD_ELSEWHERE };
    return { ok: false, error: `The SAML settings were not accepted: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Registers the connection in Jackson unless it already is (saving no longer has to, see `decideEntityIdClaim`). */
export async function ensureSamlConnectionRegistered(
  ctx: SsoContext,
  connection: { id: string; accountId: string; metadataXml: string | null; idpEntityId: string | null },
  actor: Actor,
): Promise<SyncResult> {
  const jackson = await getJackson(ctx);
  const registered = await jackson.connectionAPIController.getConnections({ tenant: connection.id, product: JACKSON_PRODUCT });
  if (registered.length > 0) return { ok: true };
  if (!connection.metadataXml || !connection.idpEntityId) return { ok: false, error: "This connection has no SAML settings yet. Finish configuring it first." };
  return syncSamlConnectionToJackson(ctx, connection.id, connection.metadataXml, { accountId: connection.accountId, entityId: connection.idpEntityId, actor });
}

export async function removeSamlConnectionFromJackson(ctx: SsoContext, connectionId: string): Promise<void> {
  const jackson = await getJackson(ctx);
  await jackson.connectionAPIController.deleteConnections({ tenant: connectionId, product: JACKSON_PRODUCT }).catch(() => {});
}

function isEntityIdTaken(error: unknown): boolean {
  return error instanceof Error && /EntityID already exists/i.test(error.message);
}

async function claimantFromRow(ctx: SsoContext, connectionId: string): Promise<SyncClaimant | null> {
  const [row] = await ctx.db
    .select({ accountId: ssoConnections.accountId, entityId: ssoConnections.idpEntityId })
    .from(ssoConnections)
    .where(eq(ssoConnections.id, connectionId))
    .limit(1);
  return row?.entityId ? { accountId: row.accountId, entityId: row.entityId, actor: SYSTEM_ACTOR } : null;
}

/** Releases the entity ID from connections that never proved themselves, or says why it cannot. */
async function claimEntityId(ctx: SsoContext, connectionId: string, claimant: SyncClaimant): Promise<SyncResult> {
  const jackson = await getJackson(ctx);
  const held = await jackson.connectionAPIController.getConnections({ entityId: claimant.entityId });
  const holderIds = [...new Set(held.map((registration) => registration.tenant))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = holderIds.length
    ? await ctx.db
        .select({
          id: ssoConnections.id,
          accountId: ssoConnections.accountId,
          name: ssoConnections.name,
          enabled: ssoConnections.enabled,
          verifiedAt: ssoConnections.verifiedAt,
        })
        .from(ssoConnections)
        .where(inArray(ssoConnections.id, holderIds))
    : [];
  const holders: EntityIdHolder[] = holderIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    return row ? { connectionId: id, accountId: row.accountId, enabled: row.enabled, verifiedAt: row.verifiedAt } : { connectionId: id, accountId: null };
  });
  const decision = decideEntityIdClaim({ connectionId, accountId: claimant.accountId }, holders);
  if (decision.kind === "held_in_this_account") return { ok: false, error: ENTITY_ID_HELD_IN_THIS_ACCOUNT };
  if (decision.kind === "held_elsewhere") {
    await recordAuditEvent(ctx.db, {
      accountId: claimant.accountId,
      actor: claimant.actor,
      action: "sso.connection.entity_id_refused",
      target: { type: "sso_connection", id: connectionId },
      metadata: { idpEntityId: claimant.entityId },
    });
    return { ok: false, error: ENTITY_ID_HELD_ELSEWHERE };
  }
  for (const released of decision.release) {
    await jackson.connectionAPIController.deleteConnections({ tenant: released, product: JACKSON_PRODUCT });
    const row = rows.find((r) => r.id === released);
    // The account that lost it learns that its connection needs Authenticate again, not who took it.
    await recordAuditEvent(ctx.db, {
      accountId: row?.accountId ?? null,
      actor: SYSTEM_ACTOR,
      action: "sso.connection.entity_id_released",
      target: { type: "sso_connection", id: released, ...(row ? { label: row.name } : {}) },
      metadata: {
        idpEntityId: claimant.entityId,
        reason: "Another account configured this IdP before this connection passed Authenticate. Run Authenticate to use it again.",
      },
    });
  }
  await recordAuditEvent(ctx.db, {
    accountId: claimant.accountId,
    actor: claimant.actor,
    action: "sso.connection.entity_id_claimed",
    target: { type: "sso_connection", id: connectionId },
    metadata: { idpEntityId: claimant.entityId, releasedFromUnprovenConnections: decision.release.length },
  });
  return { ok: true };
}
