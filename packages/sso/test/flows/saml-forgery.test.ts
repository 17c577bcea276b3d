import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, securityEvents, ssoConnections, type SsoConnection } from "@gatehouse/db";
import { recordSecurityEvent, SECURITY_EVENTS_PER_IP_PER_MINUTE } from "@gatehouse/core";
import {
  completeSamlCallback,
  getConnection,
  handleSamlAcs,
  refreshSamlMetadata,
  saveConnection,
  spCertificatePem,
  ssoUrls,
  startSsoFlow,
  type FlowOutcome,
} from "../../src";
import { baseSettings, makeSamlConnection, makeTeam, readAuthnRequest, useSsoStack } from "./harness";
import { createSamlifyIdp } from "./samlify-idp";
import { decodeResponse, retargeted, withDecoyAround, withDecoyBefore } from "./saml-forgery";

/**
 * Forged and replayed SAML responses, shaped as in issue #12, against a real Jackson on real
 * PostgreSQL with the sandbox IdP signing the response, the assertion, or both.
 */
const stack = useSsoStack();
const request = { ip: "203.0.113.7", userAgent: "vitest" };

const SIGNING = {
  response: { signResponse: true, signAssertion: false },
  assertion: { signResponse: false, signAssertion: true },
  both: { signResponse: true, signAssertion: true },
} as const;
type Signing = keyof typeof SIGNING;
type Setup = Awaited<ReturnType<typeof makeSamlConnection>>;

const tag = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

async function connect(
  name: string,
  signing: Signing,
  options: { encrypt?: boolean; clockSkewSeconds?: number; idpInitiatedEnabled?: boolean } = {},
): Promise<Setup> {
  const encryption = options.encrypt ? { encryptAssertion: true, spCertificatePem: await spCertificatePem(stack.ctx) } : {};
  return makeSamlConnection(stack, tag(name), {
    app: { ...SIGNING[signing], ...encryption },
    clockSkewSeconds: options.clockSkewSeconds,
    idpInitiatedEnabled: options.idpInitiatedEnabled,
  });
}

// The browser that started each sign-in holds its binding secret; the callback presents it.
const browserSecrets = new Map<string, string>();

async function startSignIn(setup: Setup) {
  const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(`start failed: ${JSON.stringify(started)}`);
  const request = readAuthnRequest(started.value.redirectUrl);
  browserSecrets.set(request.relayState, started.value.browserSecret);
  return request;
}

type Outcome = FlowOutcome | { kind: "acs_error"; message: string };

async function post(samlResponse: string, relayState: string | null): Promise<Outcome> {
  const acs = await handleSamlAcs(stack.ctx, { samlResponse, relayState, ip: request.ip });
  if (acs.kind === "error") return { kind: "acs_error", message: acs.message };
  if (acs.kind !== "redirect") throw new Error(`unexpected ${acs.kind}`);
  return completeSamlCallback(stack.ctx, { url: new URL(acs.url), request, browserSecret: (relayState && browserSecrets.get(relayState)) || null });
}

/** One honest SP-initiated sign-in; returns the response the IdP sent, as an attacker would capture it. */
async function honestSignIn(setup: Setup, overrides: Record<string, unknown> = {}) {
  const { id, relayState } = await startSignIn(setup);
  const samlResponse = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id, ...overrides });
  return { outcome: await post(samlResponse, relayState), samlResponse };
}

const refusal = (outcome: Outcome) => (outcome.kind === "refused" || outcome.kind === "acs_error" ? outcome.message : `not refused: ${outcome.kind}`);

/** A plain, unsigned assertion of this app, to stand in as a decoy next to an encrypted one. */
function plainAssertion(setup: Setup, email: string): string {
  const xml = decodeResponse(stack.sandbox.buildSamlResponse(setup.app.id, { email, signResponse: false, signAssertion: false, encryptAssertion: false }));
  return /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
}

describe.each(Object.keys(SIGNING) as Signing[])("an IdP that signs the %s", (signing) => {
  it("signs a member in with an honest response", async () => {
    const setup = await connect("honest", signing);
    expect((await honestSignIn(setup)).outcome.kind).toBe("signed_in");
  });

  it("refuses an unsigned decoy assertion placed before the signed one", async () => {
    const setup = await connect("decoy-before", signing);
    const { id, relayState } = await startSignIn(setup);
    const signed = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id });
    const outcome = await post(withDecoyBefore(signed, { email: setup.admin.email }), relayState);
    expect(refusal(outcome)).toMatch(/exactly one assertion/);
  });

  it("refuses an unsigned decoy assertion wrapped around the signed one", async () => {
    const setup = await connect("decoy-around", signing);
    const { id, relayState } = await startSignIn(setup);
    const signed = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id });
    const outcome = await post(withDecoyAround(signed, { email: setup.admin.email }), relayState);
    expect(refusal(outcome)).toMatch(/exactly one assertion/);
  });

  it("refuses a captured response replayed into a new sign-in behind a decoy with a fresh ID", async () => {
    const setup = await connect("retarget-decoy", signing);
    const captured = await honestSignIn(setup);
    expect(captured.outcome.kind).toBe("signed_in");
    const { relayState } = await startSignIn(setup);
    const outcome = await post(withDecoyBefore(retargeted(captured.samlResponse)), relayState);
    expect(refusal(outcome)).toMatch(/exactly one assertion/);
  });

  it("refuses a captured response replayed into a new sign-in with InResponseTo removed", async () => {
    const setup = await connect("retarget", signing);
    const captured = await honestSignIn(setup);
    expect(captured.outcome.kind).toBe("signed_in");
    const { relayState } = await startSignIn(setup);
    const outcome = await post(retargeted(captured.samlResponse), relayState);
    expect(refusal(outcome)).toMatch(/already used|another sign-in request|signature/i);
  });
});

describe("encrypted assertions", () => {
  it.each(["assertion", "response"] as const)("sign a member in when the IdP signs the %s and encrypts the assertion", async (signing) => {
    const setup = await connect("enc-ok", signing, { encrypt: true });
    const { outcome, samlResponse } = await honestSignIn(setup);
    expect(decodeResponse(samlResponse)).toContain("EncryptedAssertion");
    expect(outcome.kind).toBe("signed_in");
  });

  it("get the connection's clock skew: expired by more than it, though within Jackson's fixed 10 minutes", async () => {
    const setup = await connect("enc-expired", "assertion", { encrypt: true, clockSkewSeconds: 60 });
    const issued = Date.now() - 8 * 60_000;
    const { outcome } = await honestSignIn(setup, {
      issueInstant: new Date(issued),
      notBefore: new Date(issued),
      notOnOrAfter: new Date(Date.now() - 4 * 60_000),
    });
    expect(refusal(outcome)).toMatch(/validity window|expired/i);
  });

  it("refuse a captured encrypted response replayed into a new sign-in", async () => {
    const setup = await connect("enc-replay", "assertion", { encrypt: true });
    const captured = await honestSignIn(setup);
    expect(captured.outcome.kind).toBe("signed_in");
    const { relayState } = await startSignIn(setup);
    expect(refusal(await post(retargeted(captured.samlResponse), relayState))).toMatch(/already used|another sign-in request/i);
  });

  it("refuse a captured encrypted response replayed into a new sign-in behind a plain decoy", async () => {
    const setup = await connect("enc-replay-decoy", "assertion", { encrypt: true });
    const captured = await honestSignIn(setup);
    expect(captured.outcome.kind).toBe("signed_in");
    const { relayState } = await startSignIn(setup);
    const forged = withDecoyBefore(retargeted(captured.samlResponse), { template: plainAssertion(setup, setup.member.email) });
    expect(refusal(await post(forged, relayState))).toMatch(/exactly one assertion/);
  });
});

describe("who hears about a refused response", () => {
  const accountRefusals = (accountId: string) =>
    stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, "sign_in.sso.refused")));
  const securityLog = (connectionId: string) =>
    stack.ctx.db
      .select()
      .from(securityEvents)
      .then((rows) => rows.filter((row) => row.detail.connectionId === connectionId));

  it("an unsigned response in a sign-in goes to the deployment's security log, not the account's audit log", async () => {
    const setup = await connect("unsigned-sp", "assertion");
    const { id, relayState } = await startSignIn(setup);
    const unsigned = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id, signResponse: false, signAssertion: false });
    expect(refusal(await post(unsigned, relayState))).toMatch(/signature/i);
    expect(await accountRefusals(setup.account.id)).toEqual([]);
    expect(await securityLog(setup.connection.id)).toMatchObject([
      { kind: "saml.response_refused", ip: request.ip, detail: { reason: "signature_not_verified" } },
    ]);
  });

  it("an unsigned IdP-initiated response naming the account's IdP goes to the security log only", async () => {
    const setup = await connect("unsigned-idp", "assertion");
    const unsigned = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, signResponse: false, signAssertion: false });
    expect(await post(unsigned, null)).toMatchObject({ kind: "acs_error", message: expect.stringMatching(/signature/i) });
    expect(await accountRefusals(setup.account.id)).toEqual([]);
    expect(await securityLog(setup.connection.id)).toHaveLength(1);
  });

  it("a verified response that is still refused is the account's business, recorded with a reason code", async () => {
    const setup = await connect("verified-idp", "assertion");
    const signed = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email });
    expect(await post(signed, null)).toMatchObject({ kind: "acs_error", message: expect.stringContaining("switched off") });
    expect(await accountRefusals(setup.account.id)).toMatchObject([{ ip: request.ip, metadata: { reason: "idp_initiated_disabled", stage: "acs" } }]);
    expect(await securityLog(setup.connection.id)).toEqual([]);
  });

  it("the security log takes a bounded number of rows per IP per minute", async () => {
    const ip = "198.51.100.9";
    const written = [];
    for (let i = 0; i < SECURITY_EVENTS_PER_IP_PER_MINUTE + 5; i++) written.push(await recordSecurityEvent(stack.ctx.db, { kind: "test.flood", ip }));
    expect(written.filter(Boolean)).toHaveLength(SECURITY_EVENTS_PER_IP_PER_MINUTE);
    expect(await stack.ctx.db.select().from(securityEvents).where(eq(securityEvents.ip, ip))).toHaveLength(SECURITY_EVENTS_PER_IP_PER_MINUTE);
    expect(await recordSecurityEvent(stack.ctx.db, { kind: "test.flood", ip: "198.51.100.10" })).toBe(true);
  });
});

describe("an outside IdP implementation (samlify)", () => {
  async function samlifyConnection(name: string) {
    const team = await makeTeam(stack.ctx, tag(name));
    const urls = ssoUrls(stack.ctx.appUrl);
    const idp = createSamlifyIdp({
      entityId: `https://samlify-${team.account.slug}.test/idp`,
      spEntityId: urls.spEntityId,
      acsUrl: urls.samlAcsUrl,
      spCertificatePem: await spCertificatePem(stack.ctx),
    });
    const saved = await saveConnection(stack.ctx, {
      accountId: team.account.id,
      actor: team.actor,
      data: {
        ...baseSettings("saml"),
        provider: "saml",
        samlSource: "metadata_xml",
        metadataXml: idp.metadataXml,
        clockSkewSeconds: 120,
        idpInitiatedEnabled: false,
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    await stack.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
    const connection = (await getConnection(stack.ctx.db, team.account.id, saved.value.id))!;
    return { ...team, idp, connection };
  }
  const startFor = (connection: SsoConnection) => startSignIn({ connection } as Setup);

  it.each([
    ["response", false],
    ["assertion", false],
    ["both", false],
    ["assertion", true],
    ["response", true],
  ] as const)("signs a member in when samlify signs the %s (encrypted: %s)", async (signing, encrypt) => {
    const setup = await samlifyConnection("samlify-ok");
    const { id, relayState } = await startFor(setup.connection);
    const samlResponse = await setup.idp.respond({ requestId: id, email: setup.member.email, signing, encrypt });
    expect(decodeResponse(samlResponse).includes("EncryptedAssertion")).toBe(encrypt);
    expect((await post(samlResponse, relayState)).kind).toBe("signed_in");
  });

  it.each(["assertion", "both"] as const)("refuses samlify's %s-signed response with a decoy before or around the signed assertion", async (signing) => {
    const setup = await samlifyConnection("samlify-decoy");
    for (const forge of [withDecoyBefore, withDecoyAround]) {
      const { id, relayState } = await startFor(setup.connection);
      const signed = await setup.idp.respond({ requestId: id, email: setup.member.email, signing });
      expect(refusal(await post(forge(signed, { email: setup.admin.email }), relayState))).toMatch(/exactly one assertion/);
    }
  });

  it("refuses samlify's captured assertion-signed response replayed into a new sign-in behind a decoy", async () => {
    const setup = await samlifyConnection("samlify-replay");
    const first = await startFor(setup.connection);
    const captured = await setup.idp.respond({ requestId: first.id, email: setup.member.email, signing: "assertion" });
    expect((await post(captured, first.relayState)).kind).toBe("signed_in");
    const second = await startFor(setup.connection);
    expect(refusal(await post(withDecoyBefore(retargeted(captured)), second.relayState))).toMatch(/exactly one assertion/);
    const third = await startFor(setup.connection);
    expect(refusal(await post(retargeted(captured), third.relayState))).toMatch(/already used|another sign-in request/i);
  });

  it("refuses samlify's encrypted response replayed into a new sign-in", async () => {
    const setup = await samlifyConnection("samlify-enc-replay");
    const first = await startFor(setup.connection);
    const captured = await setup.idp.respond({ requestId: first.id, email: setup.member.email, signing: "assertion", encrypt: true });
    expect((await post(captured, first.relayState)).kind).toBe("signed_in");
    const second = await startFor(setup.connection);
    expect(refusal(await post(retargeted(captured), second.relayState))).toMatch(/already used|another sign-in request/i);
  });
});

describe("certificate bookkeeping", () => {
  it("credits the trusted certificate that verified the signature, not the one the message names in KeyInfo", async () => {
    const setup = await connect("cert-keyinfo", "assertion");
    const next = stack.sandbox.samlApps.rotateKey(setup.app.id);
    expect(await refreshSamlMetadata(stack.ctx, setup.connection.id)).toMatchObject({ ok: true });
    const { id, relayState } = await startSignIn(setup);
    const signed = stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id });
    // Signed by the active key; KeyInfo (outside SignedInfo) swapped for the next key's certificate.
    const nextBody = next.certificatePem.replace(/-----[^-]+-----|\s+/g, "");
    const misleading = Buffer.from(
      decodeResponse(signed).replace(/<ds:X509Certificate>[^<]+<\/ds:X509Certificate>/, `<ds:X509Certificate>${nextBody}</ds:X509Certificate>`),
    ).toString("base64");
    expect((await post(misleading, relayState)).kind).toBe("signed_in");
    const [connection] = await stack.ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, setup.connection.id));
    const byFingerprint = Object.fromEntries(connection!.certificates.map((c) => [c.sha256Fingerprint, c.lastVerifiedAt]));
    expect(byFingerprint[next.fingerprintSha256.toUpperCase()]).toBeNull();
    expect(Object.values(byFingerprint).filter(Boolean)).toHaveLength(1);
  });
});
