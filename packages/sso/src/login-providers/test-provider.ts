import { eq, loginProviders, type LoginProviderTestResult } from "@gatehouse/db";
import { fail, isStaffUser, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import { checkOidcDiscovery } from "../checks";
import type { SsoContext } from "../context";
import { getLoginProvider } from "./manage-providers";

/**
 * Test Connection for a login provider: the same live discovery checklist the account connections
 * run (issuer, endpoints, JWKS key count, signing algorithms). The result is kept and audited.
 */
export async function testLoginProvider(ctx: SsoContext, input: { actor: Actor; providerId: string }): Promise<Result<LoginProviderTestResult>> {
  if (!input.actor.userId || !(await isStaffUser(ctx.db, input.actor.userId))) return fail("Only Gatehouse staff can test login providers.");
  const provider = await getLoginProvider(ctx.db, input.providerId);
  if (!provider) return fail("That provider no longer exists.");
  const check = await checkOidcDiscovery({
    discoveryUrl: provider.discoveryUrl,
    expectedIssuer: provider.issuer ?? undefined,
    scopes: provider.scopes.split(/\s+/).filter(Boolean),
    tokenEndpointAuthMethod: provider.tokenEndpointAuthMethod,
    fetchImpl: ctx.fetchImpl,
  });
  const result: LoginProviderTestResult = { at: new Date().toISOString(), ok: check.ok, items: check.items };
  await ctx.db.transaction(async (tx) => {
    await tx.update(loginProviders).set({ lastTest: result }).where(eq(loginProviders.id, provider.id));
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: check.ok ? "login_provider.test_passed" : "login_provider.test_failed",
      target: { type: "login_provider", id: provider.id, label: provider.name },
      metadata: { failed: check.items.filter((i) => i.status === "error").map((i) => i.id) },
    });
  });
  return ok(result);
}
