import { describe, expect, it } from "vitest";
import { hashToken, resolveSession } from "@gatehouse/core";
import { gt, inArray, samlSeenIds, sql } from "@gatehouse/db";
import { completeSamlCallback, handleSamlAcs, pruneSamlSeenIds, startSsoFlow, type FlowOutcome } from "../../src";
import { makeSamlConnection, readAuthnRequest, useSsoStack } from "./harness";

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };

/** Runs one SP-initiated sign-in with a response crafted by the sandbox IdP. */
async function signIn(setup: Awaited<ReturnType<typeof makeSamlConnection>>, overrides: Record<string, unknown> = {}, email = setup.member.email) {
  const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(`start failed: ${JSON.stringify(started)}`);
  const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
  const samlResponse = stack.sandbox.buildSamlResponse(setup.app.id, { email, inResponseTo: id, ...overrides });
  const { browserSecret } = started.value;
  return { outcome: await post(samlResponse, relayState, browserSecret), samlResponse, relayState, browserSecret };
}

async function post(samlResponse: string, relayState: string | null, browserSecret: string): Promise<FlowOutcome | { kind: "acs_error"; message: string }> {
  const acs = await handleSamlAcs(stack.ctx, { samlResponse, relayState });
  if (acs.kind === "error") return { kind: "acs_error", message: acs.message };
  if (acs.kind !== "redirect") throw new Error(`unexpected ${acs.kind}`);
  return completeSamlCallback(stack.ctx, { url: new URL(acs.url), request, browserSecret });
}

const refusal = (outcome: Awaited<ReturnType<typeof post>>) =>
  outcome.kind === "refused" || outcome.kind === "acs_error" ? outcome.message : `not refused: ${outcome.kind}`;

describe("SAML sign-in through Jackson", () => {
  it("signs a member in with a valid signed response and records the connection on the session", async () => {
    const setup = await makeSamlConnection(stack, "saml-ok");
    const { outcome } = await signIn(setup);
    expect(outcome.kind).toBe("signed_in");
    const session = await resolveSession(stack.ctx, (outcome as { sessionId: string }).sessionId);
    expect(session).toMatchObject({ method: "sso", connectionId: setup.connection.id, user: { email: setup.member.email } });
  });

  it.each([
    ["a bad signature", { signWithForeignKey: true }, /signature/i],
    ["an unsigned response and assertion", { signResponse: false, signAssertion: false }, /signature/i],
    ["a wrong audience", { audience: "https://someone-else.test/sp" }, /audience/i],
    [
      "an expired assertion",
      { notBefore: new Date(Date.now() - 60 * 60_000), notOnOrAfter: new Date(Date.now() - 30 * 60_000), issueInstant: new Date(Date.now() - 60 * 60_000) },
      /validity|expired/i,
    ],
  ])("refuses %s", async (_name, overrides, message) => {
    const setup = await makeSamlConnection(stack, `saml-${Math.random().toString(36).slice(2, 8)}`);
    const { outcome } = await signIn(setup, overrides);
    expect(refusal(outcome)).toMatch(message);
  });

  it("refuses a wrong issuer", async () => {
    const setup = await makeSamlConnection(stack, "saml-issuer");
    const { outcome } = await signIn(setup, { issuer: "http://evil.test/idp" });
    expect(outcome.kind === "refused" || outcome.kind === "acs_error").toBe(true);
  });

  it("refuses a replayed response", async () => {
    const setup = await makeSamlConnection(stack, "saml-replay");
    const first = await signIn(setup);
    expect(first.outcome.kind).toBe("signed_in");
    expect(refusal(await post(first.samlResponse, first.relayState, first.browserSecret))).toMatch(/already used|does not belong/i);
  });

  it("prunes expired replay records in a sweep (bounded batches) and still refuses a replay", async () => {
    const db = stack.ctx.db;
    await db.execute(sql`insert into saml_seen_ids (id, expires_at) select 'expired-' || g, now() - interval '1 minute' from generate_series(1, 25) g`);
    const setup = await makeSamlConnection(stack, "saml-prune");
    const first = await signIn(setup);
    expect(first.outcome.kind).toBe("signed_in");
    const kept = await db.select().from(samlSeenIds).where(gt(samlSeenIds.expiresAt, new Date()));
    expect(kept.length).toBeGreaterThan(0);

    // Two batches at most of 10: 20 go, 5 wait for the next tick; then the rest.
    expect(await pruneSamlSeenIds(db, new Date(), { batchSize: 10, maxBatches: 2 })).toBe(20);
    expect(await pruneSamlSeenIds(db, new Date(), { batchSize: 10 })).toBeGreaterThanOrEqual(5);
    expect(
      await db
        .select()
        .from(samlSeenIds)
        .where(sql`${samlSeenIds.id} like 'expired-%'`),
    ).toEqual([]);
    // The ids of the response just used are not expired: they stay, and the replay is refused.
    const after = await db
      .select()
      .from(samlSeenIds)
      .where(
        inArray(
          samlSeenIds.id,
          kept.map((r) => r.id),
        ),
      );
    expect(after.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());
    expect(refusal(await post(first.samlResponse, first.relayState, first.browserSecret))).toMatch(/already used|does not belong/i);
  });

  it("applies the connection's tighter clock skew", async () => {
    const setup = await makeSamlConnection(stack, "saml-skew", { clockSkewSeconds: 60 });
    const { outcome } = await signIn(setup, { notBefore: new Date(Date.now() + 5 * 60_000) });
    expect(refusal(outcome)).toMatch(/validity window/i);
  });

  it("refuses an email that is not a member, with advice", async () => {
    const setup = await makeSamlConnection(stack, "saml-stranger");
    const { outcome } = await signIn(setup, {}, "stranger@saml-stranger.test");
    expect(outcome).toMatchObject({
      kind: "refused",
      message: "stranger@saml-stranger.test is not a member of this account.",
      advice: expect.stringContaining("Ask your admin"),
    });
  });

  it("provisions a stranger just in time when the connection says so", async () => {
    const setup = await makeSamlConnection(stack, "saml-jit", { provisioningMode: "jit" });
    const { outcome } = await signIn(setup, {}, "newhire@saml-jit.test");
    expect(outcome.kind).toBe("signed_in");
  });

  it("refuses IdP-initiated responses unless the connection allows them, then restarts them", async () => {
    const off = await makeSamlConnection(stack, "saml-idp-off");
    const unsolicited = stack.sandbox.buildSamlResponse(off.app.id, { email: off.member.email });
    const refused = await handleSamlAcs(stack.ctx, { samlResponse: unsolicited, relayState: null });
    expect(refused).toMatchObject({ kind: "error", message: expect.stringContaining("switched off") });

    const on = await makeSamlConnection(stack, "saml-idp-on", { idpInitiatedEnabled: true });
    const restarted = await handleSamlAcs(stack.ctx, {
      samlResponse: stack.sandbox.buildSamlResponse(on.app.id, { email: on.member.email }),
      relayState: null,
    });
    expect(restarted).toMatchObject({ kind: "restart", connection: { id: on.connection.id } });
  });
});

describe("SAML sign-in finished in the ACS (the starting browser's ACS cookie came with the post)", () => {
  async function started(setup: Awaited<ReturnType<typeof makeSamlConnection>>, startingSessionId: string | null = null) {
    const flow = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in", startingSessionId });
    if (!flow.ok || !("redirectUrl" in flow.value)) throw new Error(`start failed: ${JSON.stringify(flow)}`);
    const { id, relayState } = readAuthnRequest(flow.value.redirectUrl);
    const response = () => stack.sandbox.buildSamlResponse(setup.app.id, { email: setup.member.email, inResponseTo: id });
    return { relayState, browserSecret: flow.value.browserSecret, response };
  }

  it("signs in in one request, and the flow is used up", async () => {
    const setup = await makeSamlConnection(stack, "saml-one-request");
    const flow = await started(setup);
    const acs = await handleSamlAcs(stack.ctx, { samlResponse: flow.response(), relayState: flow.relayState, browserSecret: flow.browserSecret });
    expect(acs).toMatchObject({ kind: "finished", outcome: { kind: "signed_in" }, startingSessionHash: null });
    const sessionId = (acs as { outcome: { sessionId: string } }).outcome.sessionId;
    expect(await resolveSession(stack.ctx, sessionId)).toMatchObject({ method: "sso", user: { email: setup.member.email } });
    // The flow is used up: another response for it (say, from a second tab) finishes nothing.
    const again = await handleSamlAcs(stack.ctx, { samlResponse: flow.response(), relayState: flow.relayState, browserSecret: flow.browserSecret });
    expect(again.kind).toBe("error");
  });

  it("names the session the starting browser held, for its grants to carry over", async () => {
    const setup = await makeSamlConnection(stack, "saml-one-request-carry");
    const flow = await started(setup, "the-starting-browsers-session-id");
    const acs = await handleSamlAcs(stack.ctx, { samlResponse: flow.response(), relayState: flow.relayState, browserSecret: flow.browserSecret });
    expect(acs).toMatchObject({ kind: "finished", startingSessionHash: hashToken("the-starting-browsers-session-id") });
  });

  it("login CSRF: posted from a browser holding another secret, the response signs nobody in there; the starting browser finishes", async () => {
    const setup = await makeSamlConnection(stack, "saml-one-request-csrf");
    const attackers = await started(setup);
    // The victim's browser has a flow secret of its own (it started some sign-in), not the attacker's.
    const victims = await started(setup);
    const acs = await handleSamlAcs(stack.ctx, { samlResponse: attackers.response(), relayState: attackers.relayState, browserSecret: victims.browserSecret });
    expect(acs.kind).toBe("redirect");
    const callback = new URL((acs as { url: string }).url);
    expect(await completeSamlCallback(stack.ctx, { url: callback, request, browserSecret: victims.browserSecret })).toMatchObject({
      kind: "refused",
      code: "other_browser",
    });
    expect(await completeSamlCallback(stack.ctx, { url: callback, request, browserSecret: attackers.browserSecret })).toMatchObject({ kind: "signed_in" });
  });

  it("takes one response per flow: a second response for a flow already holding one is refused", async () => {
    const setup = await makeSamlConnection(stack, "saml-one-request-second");
    const flow = await started(setup);
    expect((await handleSamlAcs(stack.ctx, { samlResponse: flow.response(), relayState: flow.relayState })).kind).toBe("redirect");
    const second = await handleSamlAcs(stack.ctx, { samlResponse: flow.response(), relayState: flow.relayState, browserSecret: flow.browserSecret });
    expect(second.kind).not.toBe("finished");
  });
});
