import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, ssoConnections } from "@gatehouse/db";
import { getConnection, getJackson, handleSamlAcs, JACKSON_PRODUCT, saveConnection, ssoUrls, startSsoFlow } from "../../src";
import { baseSettings, makeTeam, useSsoStack } from "../flows/harness";
import { samlSignIn } from "./helpers";

// Jackson lets one connection hold an IdP entity ID. Saving settings proves nothing, so an account
// must not be able to reserve another account's IdP by saving its entity ID first, and the refusal
// must say nothing about the other account.

const stack = useSsoStack();
const GENERIC = "This identity provider can't be used for this account. If you believe this is wrong, contact support.";

async function saveSaml(team: Awaited<ReturnType<typeof makeTeam>>, metadataUrl: string, extra: Record<string, unknown> = {}) {
  return saveConnection(stack.ctx, {
    accountId: team.account.id,
    actor: team.actor,
    data: { ...baseSettings("saml"), provider: "saml", samlSource: "metadata_url", metadataUrl, clockSkewSeconds: 120, idpInitiatedEnabled: false, ...extra },
  });
}

async function isRegistered(connectionId: string) {
  const jackson = await getJackson(stack.ctx);
  return (await jackson.connectionAPIController.getConnections({ tenant: connectionId, product: JACKSON_PRODUCT })).length > 0;
}

const auditsOf = (accountId: string, action: string) =>
  stack.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));
const prove = (connectionId: string) =>
  stack.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, connectionId));

function sharedIdp(tag: string) {
  const urls = ssoUrls(stack.ctx.appUrl);
  return stack.sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name: tag });
}

describe("who holds an IdP entity ID", () => {
  it("a connection that never passed Authenticate does not block another account: the other takes it over", async () => {
    const app = sharedIdp("eid-takeover");
    const squatter = await makeTeam(stack.ctx, "eid-squatter");
    const owner = await makeTeam(stack.ctx, "eid-owner");
    const squatted = await saveSaml(squatter, app.metadataUrl);
    if (!squatted.ok) throw new Error(JSON.stringify(squatted.error));

    const saved = await saveSaml(owner, app.metadataUrl);
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    expect(await isRegistered(saved.value.id)).toBe(true);
    expect(await isRegistered(squatted.value.id)).toBe(false);
    expect(await auditsOf(squatter.account.id, "sso.connection.entity_id_released")).toHaveLength(1);
    expect(await auditsOf(owner.account.id, "sso.connection.entity_id_claimed")).toHaveLength(1);

    // The owner's members sign in through it; the squatter's connection is not the one the ACS picks.
    await prove(saved.value.id);
    const connection = (await getConnection(stack.ctx.db, owner.account.id, saved.value.id))!;
    expect(await samlSignIn(stack, { connection, appId: app.id, email: owner.member.email })).toMatchObject({ kind: "signed_in" });
  });

  it("a proven connection keeps its IdP; the other account gets a message that reveals nothing", async () => {
    const app = sharedIdp("eid-proven");
    const owner = await makeTeam(stack.ctx, "eid-proven-owner");
    const other = await makeTeam(stack.ctx, "eid-proven-other");
    const owned = await saveSaml(owner, app.metadataUrl);
    if (!owned.ok) throw new Error(JSON.stringify(owned.error));
    await prove(owned.value.id);

    const refused = await saveSaml(other, app.metadataUrl);
    expect(refused).toEqual({ ok: false, error: { message: "Check the highlighted field.", fieldErrors: { metadataUrl: GENERIC } } });
    expect(JSON.stringify(refused)).not.toMatch(/another|account .*uses|eid-proven-owner/i);
    expect(await isRegistered(owned.value.id)).toBe(true);
    expect(await stack.ctx.db.select().from(ssoConnections).where(eq(ssoConnections.accountId, other.account.id))).toHaveLength(0);
    expect(await auditsOf(other.account.id, "sso.connection.entity_id_refused")).toHaveLength(1);
  });

  it("the account that lost an unproven registration gets it back by starting Authenticate, unless the taker proved it first", async () => {
    const app = sharedIdp("eid-back");
    const first = await makeTeam(stack.ctx, "eid-back-first");
    const second = await makeTeam(stack.ctx, "eid-back-second");
    const a = await saveSaml(first, app.metadataUrl);
    const b = await saveSaml(second, app.metadataUrl);
    if (!a.ok || !b.ok) throw new Error("setup failed");
    const connectionA = (await getConnection(stack.ctx.db, first.account.id, a.value.id))!;

    const restarted = await startSsoFlow(stack.ctx, { connection: connectionA, purpose: "authenticate", actorUserId: first.admin.id });
    expect(restarted.ok).toBe(true);
    expect(await isRegistered(a.value.id)).toBe(true);
    expect(await isRegistered(b.value.id)).toBe(false);

    // Now B starts Authenticate (taking it back), and its Authenticate succeeds: A is refused, generically.
    const connectionB = (await getConnection(stack.ctx.db, second.account.id, b.value.id))!;
    expect((await startSsoFlow(stack.ctx, { connection: connectionB, purpose: "authenticate", actorUserId: second.admin.id })).ok).toBe(true);
    await prove(b.value.id);
    expect(await startSsoFlow(stack.ctx, { connection: connectionA, purpose: "authenticate", actorUserId: first.admin.id })).toEqual({
      ok: false,
      error: GENERIC,
    });
    expect(await isRegistered(b.value.id)).toBe(true);
  });

  it("an unsolicited response goes only to the enabled, proven connection holding the Issuer, not another account's copy", async () => {
    const app = sharedIdp("eid-idp-init");
    const early = await makeTeam(stack.ctx, "eid-idp-early");
    const owner = await makeTeam(stack.ctx, "eid-idp-owner");
    // The early account saved the entity ID first and lost it (released, as a takeover does), so
    // both accounts' rows carry the same idp_entity_id; the early one comes first in the table.
    const copy = await saveSaml(early, app.metadataUrl, { idpInitiatedEnabled: true });
    if (!copy.ok) throw new Error(JSON.stringify(copy.error));
    await (await getJackson(stack.ctx)).connectionAPIController.deleteConnections({ tenant: copy.value.id, product: JACKSON_PRODUCT });
    const real = await saveSaml(owner, app.metadataUrl, { idpInitiatedEnabled: true });
    if (!real.ok) throw new Error(JSON.stringify(real.error));
    await prove(real.value.id);

    const outcome = await handleSamlAcs(stack.ctx, { samlResponse: stack.sandbox.buildSamlResponse(app.id, { email: owner.member.email }), relayState: null });
    expect(outcome).toMatchObject({ kind: "restart", connection: { id: real.value.id, accountId: owner.account.id } });
  });
});
