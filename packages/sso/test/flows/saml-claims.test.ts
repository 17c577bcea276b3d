import { describe, expect, it } from "vitest";
import { eq, ssoFlows } from "@gatehouse/db";
import { completeSamlCallback, getJackson, handleSamlAcs, readVerifiedSamlResponse, ssoUrls, startSsoFlow } from "../../src";
import { readSamlClaims } from "../../src/saml/read-saml-claims";
import { readJacksonSamlSession } from "../../src/saml/jackson-internals";
import { makeSamlConnection, readAuthnRequest, useSsoStack } from "./harness";

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };

type JacksonLib = {
  extractSAMLResponseAttributes(
    xml: string,
    options: Record<string, unknown>,
  ): Promise<{ claims: { raw: Record<string, unknown>; id: unknown; email?: unknown } }>;
};

/** What the callback used to get from Jackson's token + userInfo for the same response. */
async function jacksonClaims(samlResponse: string, certificatePem: string): Promise<Record<string, unknown>> {
  const module = (await import("@boxyhq/saml-jackson/dist/saml/lib.js")) as unknown as Partial<JacksonLib> & { default?: Partial<JacksonLib> };
  const extract = (module.extractSAMLResponseAttributes ?? module.default?.extractSAMLResponseAttributes)!;
  const profile = await extract(Buffer.from(samlResponse, "base64").toString(), {
    publicKey: certificatePem,
    audience: ssoUrls(stack.ctx.appUrl).spEntityId,
    bypassExpiration: true,
  });
  const claims: Record<string, unknown> = { ...profile.claims.raw, nameID: profile.claims.id };
  if (claims.email === undefined && profile.claims.email) claims.email = profile.claims.email;
  return JSON.parse(JSON.stringify(claims));
}

describe("SAML claims read in our ACS", () => {
  it.each([
    ["basic", {}],
    ["okta (multi-valued groups)", { attributeProfile: "okta" as const }],
    ["entra (claim URIs)", { attributeProfile: "entra" as const }],
    ["an id attribute", { attributes: { id: "employee-42" } }],
    ["a nameidentifier attribute", { attributes: { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier": "subject-from-attribute" } }],
    ["values with surrounding spaces", { attributes: { department: "  Research   and  Development " } }],
  ])("are the ones Jackson's ACS read: %s", async (tag, options) => {
    const setup = await makeSamlConnection(
      stack,
      `claims-${Math.random().toString(36).slice(2, 8)}`,
      "attributeProfile" in options ? { app: { attributeProfile: options.attributeProfile } } : {},
    );
    const samlResponse = stack.sandbox.buildSamlResponse(setup.app.id, {
      email: setup.member.email,
      ...("attributes" in options ? { attributes: options.attributes } : {}),
    });
    const verified = readVerifiedSamlResponse(samlResponse, { trustedCertificatePems: [setup.app.certificatePem], decryptAssertion: () => null });
    if (!verified.ok) throw new Error(`${tag}: ${verified.code}`);
    const ours = JSON.parse(JSON.stringify(await readSamlClaims(verified.value.assertionXml)));
    expect(ours).toEqual(await jacksonClaims(samlResponse, setup.app.certificatePem));
    expect(ours.nameID).toBeTruthy();
  });

  it("keeps the claims encrypted on the flow only until the callback takes it, and takes one response per flow", async () => {
    const setup = await makeSamlConnection(stack, "claims-held");
    const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
    if (!started.ok || !("redirectUrl" in started.value)) throw new Error("start failed");
    const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
    const first = await handleSamlAcs(stack.ctx, {
      samlResponse: stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id }),
      relayState,
    });
    if (first.kind !== "redirect") throw new Error(`acs ${first.kind}`);
    const state = new URL(first.url).searchParams.get("state")!;
    expect(new URL(first.url).searchParams.get("code")).toBeNull();

    const [held] = await stack.ctx.db.select().from(ssoFlows).where(eq(ssoFlows.connectionId, setup.connection.id));
    expect(held!.samlClaims).toMatch(/^v1\./);
    expect(held!.samlClaims).not.toContain(setup.member.email);

    // A second signed response for the same request finds Jackson's session ended.
    const second = await handleSamlAcs(stack.ctx, {
      samlResponse: stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id }),
      relayState,
    });
    expect(second).toMatchObject({ kind: "error", code: "saml_not_ours" });

    // A hand-made callback URL in another browser neither signs in nor spends the flow.
    const elsewhere = await completeSamlCallback(stack.ctx, {
      url: new URL(`${ssoUrls(stack.ctx.appUrl).samlCallbackUri}?state=${state}`),
      request,
      browserSecret: "another-browser",
    });
    expect(elsewhere).toMatchObject({ kind: "refused", code: "other_browser" });

    const outcome = await completeSamlCallback(stack.ctx, { url: new URL(first.url), request, browserSecret: started.value.browserSecret });
    expect(outcome.kind).toBe("signed_in");
    const [taken] = await stack.ctx.db.select().from(ssoFlows).where(eq(ssoFlows.connectionId, setup.connection.id));
    expect(taken!.samlClaims).toBeNull();
    expect(taken!.consumedAt).not.toBeNull();
  });

  it("refuses a callback, in the right browser, for a flow that has no verified response", async () => {
    const setup = await makeSamlConnection(stack, "claims-none");
    const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
    if (!started.ok || !("redirectUrl" in started.value)) throw new Error("start failed");
    const { relayState } = readAuthnRequest(started.value.redirectUrl);
    const state = (await readJacksonSamlSession(await getJackson(stack.ctx), relayState))!.flowState!;
    const outcome = await completeSamlCallback(stack.ctx, {
      url: new URL(`${ssoUrls(stack.ctx.appUrl).samlCallbackUri}?state=${state}`),
      request,
      browserSecret: started.value.browserSecret,
    });
    expect(outcome.kind).toBe("refused");
    // The flow is spent: the real response arriving later signs no one in.
    const [flow] = await stack.ctx.db.select().from(ssoFlows).where(eq(ssoFlows.connectionId, setup.connection.id));
    expect(flow!.consumedAt).not.toBeNull();
  });
});
