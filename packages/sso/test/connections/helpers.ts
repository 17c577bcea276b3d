import { eq, ssoConnections, type SsoConnection } from "@gatehouse/db";
import type { SamlAppSummary } from "@gatehouse/idp-sandbox";
import { completeSamlCallback, getConnection, handleSamlAcs, saveConnection, ssoUrls, startSsoFlow, type FlowOutcome } from "../../src";
import { baseSettings, makeTeam, readAuthnRequest, type useSsoStack } from "../flows/harness";

type Stack = ReturnType<typeof useSsoStack>;
const request = { ip: "127.0.0.1", userAgent: "vitest" };

/** One full SP-initiated SAML sign-in: start → the sandbox's signed response → ACS → callback. */
export async function samlSignIn(
  stack: Stack,
  input: { connection: SsoConnection; appId: string; email: string; purpose?: "sign_in" | "test_email"; testId?: string },
): Promise<FlowOutcome | { kind: "acs_error"; message: string }> {
  const started = await startSsoFlow(stack.ctx, { connection: input.connection, purpose: input.purpose ?? "sign_in", testId: input.testId ?? null });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(`start failed: ${JSON.stringify(started)}`);
  const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
  const samlResponse = stack.sandbox.buildSamlResponse(input.appId, { email: input.email, inResponseTo: id });
  const acs = await handleSamlAcs(stack.ctx, { samlResponse, relayState });
  if (acs.kind === "error") return { kind: "acs_error", message: acs.message };
  if (acs.kind !== "redirect") throw new Error(`unexpected ${acs.kind}`);
  return completeSamlCallback(stack.ctx, { url: new URL(acs.url), request, browserSecret: started.value.browserSecret });
}

/** A SAML connection entered by hand (entity ID, SSO URL, one certificate) for a fresh sandbox app, enabled. */
export async function makeManualSamlConnection(stack: Stack, tag: string) {
  const team = await makeTeam(stack.ctx, tag);
  const urls = ssoUrls(stack.ctx.appUrl);
  const app: SamlAppSummary = stack.sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name: tag });
  const saved = await saveConnection(stack.ctx, {
    accountId: team.account.id,
    actor: team.actor,
    data: {
      ...baseSettings("saml"),
      provider: "saml",
      samlSource: "manual",
      idpEntityId: app.entityId,
      idpSsoUrl: app.ssoUrl,
      certificatePem: app.certificatePem,
      clockSkewSeconds: 120,
      idpInitiatedEnabled: false,
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  await stack.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
  const connection = (await getConnection(stack.ctx.db, team.account.id, saved.value.id))!;
  return { ...team, app, connection };
}

export async function reload(stack: Stack, connection: SsoConnection): Promise<SsoConnection> {
  return (await getConnection(stack.ctx.db, connection.accountId, connection.id))!;
}
