import { describe, expect, it } from "vitest";
import { accounts, and, auditEvents, eq, mfaRecoveryCodes, isNull } from "@gatehouse/db";
import {
  createSession,
  ensureAccount,
  ensureMember,
  hasPasswordProof,
  proveAccountWithCode,
  proveAccountWithPassword,
  switchActiveAccount,
  totpCodeAt,
  type MfaContext,
} from "../src";
import { useCoreContext } from "./harness";
import { clockedMfaContext, enrol } from "./mfa-support";

// Switching into another account by password asks for what a password sign-in would: the
// password, then the second factor. Before, the password alone opened the account.

const env = useCoreContext();
const KEY = "s".repeat(32);
const PASSWORD = "integration-password";

const clockedContext = (start?: Date) => clockedMfaContext(env.db, KEY, start);

/** A person in two accounts, signed in through X's SSO: the session grants X only. */
async function ssoSessionInX(tag: string, ctx: MfaContext) {
  const x = await ensureAccount(env.db, { name: `X ${tag}`, slug: `x-${tag}` });
  const y = await ensureAccount(env.db, { name: `Y ${tag}`, slug: `y-${tag}` });
  const user = await ensureMember(env.db, { accountId: x.id, email: `ada-${tag}@test.dev`, name: "Ada", role: "member", password: PASSWORD });
  await ensureMember(env.db, { accountId: y.id, email: user.email, name: "Ada", role: "admin" });
  const sid = await createSession(ctx, { userId: user.id, method: "sso", accountId: x.id });
  const proof = { sessionId: sid, user: { id: user.id, email: user.email }, accountId: y.id, ip: null };
  return { x, y, user, sid, proof };
}

const audits = (accountId: string, action: string) =>
  env.db
    .select({ metadata: auditEvents.metadata })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));
const codeStep = { kind: "totp" as const, rememberDevice: false, userAgent: null };

describe("switching accounts by password", () => {
  it("does not grant an enrolled user's other account on the password alone (the attack)", async () => {
    const clock = clockedContext();
    const { y, user, sid, proof } = await ssoSessionInX("a1", clock.ctx);
    await enrol(clock.ctx, user, clock.now());
    expect(await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null })).toEqual({
      ok: true,
      value: { codeOwed: true },
    });
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("needs_sign_in");
    expect(await audits(y.id, "session.account_proved")).toEqual([]);
  });

  it("grants after a right code; a wrong code is audited and keeps the password; the proof works once", async () => {
    const clock = clockedContext();
    const { x, y, user, sid, proof } = await ssoSessionInX("a2", clock.ctx);
    const { secret } = await enrol(clock.ctx, user, clock.now());
    clock.advance();
    await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null });
    // The proof is for this account and this session only.
    expect(await proveAccountWithCode(clock.ctx, { ...proof, accountId: x.id, ...codeStep, code: totpCodeAt(secret, clock.now()) })).toEqual({
      ok: false,
      error: { code: "no_password_proof" },
    });
    const otherSession = await createSession(clock.ctx, { userId: user.id, method: "sso", accountId: x.id });
    expect(await hasPasswordProof(clock.ctx, otherSession, y.id)).toBe(false);

    expect(await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code: "123456" })).toMatchObject({ ok: false, error: { code: "wrong_code" } });
    expect((await audits(y.id, "mfa.challenge_failed")).map((e) => e.metadata)).toEqual([{ reason: "wrong_code", kind: "totp" }]);
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("needs_sign_in");
    expect(await hasPasswordProof(clock.ctx, sid, y.id)).toBe(true);

    const code = totpCodeAt(secret, clock.now());
    expect(await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code })).toEqual({
      ok: true,
      value: { rememberedDeviceToken: null, recoveryCodesLeft: undefined },
    });
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("switched");
    expect((await audits(y.id, "session.account_proved")).map((e) => e.metadata)).toEqual([{ method: "password", mfa: "authenticator_app" }]);
    expect(await hasPasswordProof(clock.ctx, sid, y.id)).toBe(false);
    clock.advance();
    expect(await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code: totpCodeAt(secret, clock.now()) })).toEqual({
      ok: false,
      error: { code: "no_password_proof" },
    });
  });

  it("a recovery code is spent by the switch; remembering the device skips the next code", async () => {
    const clock = clockedContext();
    const { x, y, user, sid, proof } = await ssoSessionInX("a3", clock.ctx);
    const { recoveryCodes } = await enrol(clock.ctx, user, clock.now());
    await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null });
    const used = await proveAccountWithCode(clock.ctx, { ...proof, kind: "recovery", code: recoveryCodes[0]!, rememberDevice: true, userAgent: "test" });
    expect(used.ok && used.value.recoveryCodesLeft).toBe(9);
    expect(
      await env.db
        .select()
        .from(mfaRecoveryCodes)
        .where(and(eq(mfaRecoveryCodes.userId, user.id), isNull(mfaRecoveryCodes.usedAt))),
    ).toHaveLength(9);
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("switched");
    expect((await audits(y.id, "session.account_proved")).map((e) => e.metadata)).toEqual([{ method: "password", mfa: "recovery_code" }]);

    // Another SSO session of the same person: the spent code is refused...
    const later = { ...proof, sessionId: await createSession(clock.ctx, { userId: user.id, method: "sso", accountId: x.id }) };
    await proveAccountWithPassword(clock.ctx, { ...later, password: PASSWORD, rememberedDeviceToken: null });
    expect(
      await proveAccountWithCode(clock.ctx, { ...later, kind: "recovery", code: recoveryCodes[0]!, rememberDevice: false, userAgent: null }),
    ).toMatchObject({
      ok: false,
      error: { code: "wrong_recovery_code" },
    });
    // ...and the browser remembered by the first switch is not asked for a code, as at sign-in.
    const token = used.ok ? used.value.rememberedDeviceToken : null;
    expect(token).toBeTruthy();
    const remembered = { ...proof, sessionId: await createSession(clock.ctx, { userId: user.id, method: "sso", accountId: x.id }) };
    expect(await proveAccountWithPassword(clock.ctx, { ...remembered, password: PASSWORD, rememberedDeviceToken: "forged" })).toEqual({
      ok: true,
      value: { codeOwed: true },
    });
    expect(await proveAccountWithPassword(clock.ctx, { ...remembered, password: PASSWORD, rememberedDeviceToken: token })).toEqual({
      ok: true,
      value: { codeOwed: false },
    });
    expect(await switchActiveAccount(env.db, remembered.sessionId, y.id)).toBe("switched");
    expect((await audits(y.id, "session.account_proved")).map((e) => e.metadata)).toContainEqual({ method: "password", mfa: "remembered_device" });
  });

  it("refuses, and never grants, when an account requires MFA of a user who has not set it up", async () => {
    const clock = clockedContext();
    const { y, sid, proof } = await ssoSessionInX("a4", clock.ctx);
    await env.db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, y.id));
    expect(await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null })).toEqual({
      ok: false,
      error: { code: "mfa_enrolment_required" },
    });
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("needs_sign_in");
    expect(await hasPasswordProof(clock.ctx, sid, y.id)).toBe(false);
    expect((await audits(y.id, "sign_in.password.refused")).map((e) => e.metadata)).toEqual([{ reason: "mfa_enrolment_required" }]);
  });

  it("grants on the password alone to a user without MFA whom no account requires it of", async () => {
    const clock = clockedContext();
    const { y, sid, proof } = await ssoSessionInX("a5", clock.ctx);
    expect(await proveAccountWithPassword(clock.ctx, { ...proof, password: "wrong-password", rememberedDeviceToken: null })).toEqual({
      ok: false,
      error: { code: "invalid" },
    });
    expect(await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null })).toEqual({
      ok: true,
      value: { codeOwed: false },
    });
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("switched");
    expect((await audits(y.id, "session.account_proved")).map((e) => e.metadata)).toEqual([{ method: "password", mfa: "not_enrolled" }]);
  });

  it("the held password expires after five minutes, and wrong codes stop after five", async () => {
    const clock = clockedContext();
    const { y, user, sid, proof } = await ssoSessionInX("a6", clock.ctx);
    const { secret } = await enrol(clock.ctx, user, clock.now());
    clock.advance();
    await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null });
    clock.advance(11);
    expect(await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code: totpCodeAt(secret, clock.now()) })).toEqual({
      ok: false,
      error: { code: "no_password_proof" },
    });

    await proveAccountWithPassword(clock.ctx, { ...proof, password: PASSWORD, rememberedDeviceToken: null });
    for (let i = 0; i < 5; i++) await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code: `00000${i}` });
    expect(await proveAccountWithCode(clock.ctx, { ...proof, ...codeStep, code: totpCodeAt(secret, clock.now()) })).toMatchObject({
      ok: false,
      error: { code: "rate_limited" },
    });
    expect(await switchActiveAccount(env.db, sid, y.id)).toBe("needs_sign_in");
  });
});
