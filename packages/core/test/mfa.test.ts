import { describe, expect, it } from "vitest";
import { accounts, and, auditEvents, eq, mfaFactors, mfaRecoveryCodes, mfaRememberedDevices, sessions } from "@gatehouse/db";
import {
  continueAfterEnrolment,
  createSession,
  ensureAccount,
  ensureMember,
  finishMfaEnrolmentAtSignIn,
  grantAccountToSession,
  loadMfaChallenge,
  mfaRequirementFor,
  mfaStepForSignIn,
  passMfaChallenge,
  pruneRememberedDevices,
  regenerateRecoveryCodes,
  removeOwnMfa,
  resetMemberMfa,
  resolveSession,
  setStaff,
  startMfaEnrolment,
  confirmMfaEnrolment,
  switchActiveAccount,
  totpCodeAt,
  userHasMfa,
} from "../src";
import { useCoreContext } from "./harness";
import { clockedMfaContext, enrol, T0 } from "./mfa-support";

const env = useCoreContext();
const KEY = "m".repeat(32);

const clockedContext = (start?: Date) => clockedMfaContext(env.db, KEY, start);

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Acct ${tag}`, slug: `mfa-${tag}` });
  const admin = await ensureMember(env.db, {
    accountId: account.id,
    email: `admin-${tag}@test.dev`,
    name: "Admin",
    role: "admin",
    password: "integration-password",
  });
  const member = await ensureMember(env.db, {
    accountId: account.id,
    email: `member-${tag}@test.dev`,
    name: "Member",
    role: "member",
    password: "integration-password",
  });
  const actorOf = (u: { id: string; email: string }) => ({ userId: u.id, label: u.email, ip: "127.0.0.1" });
  return { account, admin, member, actorOf };
}

describe("MFA enrolment", () => {
  it("keeps the secret encrypted, confirms with a code, stores recovery codes hashed, and audits", async () => {
    const { member } = await setup("e1");
    const { ctx } = clockedContext();
    const first = await startMfaEnrolment(ctx, { userId: member.id, email: member.email });
    const again = await startMfaEnrolment(ctx, { userId: member.id, email: member.email });
    expect(again).toEqual(first);
    expect(await userHasMfa(env.db, member.id)).toBe(false);
    const secret = new URL(first.ok ? first.value.uri : "x:").searchParams.get("secret")!;
    const [row] = await env.db.select().from(mfaFactors).where(eq(mfaFactors.userId, member.id));
    expect(row?.secretEncrypted).not.toContain(secret);

    const wrong = await confirmMfaEnrolment(ctx, { userId: member.id, code: "000000", actor: { userId: member.id, label: member.email, ip: null } });
    expect(wrong.ok).toBe(false);
    const confirmed = await confirmMfaEnrolment(ctx, {
      userId: member.id,
      code: totpCodeAt(secret, T0),
      actor: { userId: member.id, label: member.email, ip: null },
    });
    expect(confirmed.ok && confirmed.value.recoveryCodes).toHaveLength(10);
    expect(await userHasMfa(env.db, member.id)).toBe(true);
    const stored = await env.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, member.id));
    expect(stored).toHaveLength(10);
    for (const code of confirmed.ok ? confirmed.value.recoveryCodes : []) expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);
    const events = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "mfa.enrolled"), eq(auditEvents.targetId, member.id)));
    expect(events).toHaveLength(1);
    expect(await startMfaEnrolment(ctx, { userId: member.id, email: member.email })).toEqual({ ok: false, error: "already_enrolled" });
  });
});

describe("the sign-in step", () => {
  it("a pending session grants nothing until a good code, and the same code cannot be replayed", async () => {
    const { member, account, actorOf } = await setup("s1");
    const clock = clockedContext();
    const { secret } = await enrol(clock.ctx, member, clock.now());
    clock.advance();
    const step = await mfaStepForSignIn(clock.ctx, { userId: member.id, rememberedDeviceToken: null, actor: actorOf(member) });
    expect(step).toBe("verify");
    const sid = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: step });
    expect(await resolveSession(clock.ctx, sid)).toBeNull();
    expect(await switchActiveAccount(env.db, sid, account.id)).toBe("no_session");
    expect(await grantAccountToSession(env.db, sid, account.id)).toBe(false);
    expect(await loadMfaChallenge(clock.ctx, sid)).toEqual({ userId: member.id, email: member.email, step: "verify", hasEnrolled: false });

    const input = { rawSessionId: sid, kind: "totp" as const, rememberDevice: false, userAgent: null, ip: null };
    expect(await passMfaChallenge(clock.ctx, { ...input, code: "123456" })).toMatchObject({ ok: false, error: { code: "wrong_code" } });
    const code = totpCodeAt(secret, clock.now());
    expect(await passMfaChallenge(clock.ctx, { ...input, code })).toEqual({ ok: true, value: { rememberedDeviceToken: null, recoveryCodesLeft: undefined } });
    const resolved = await resolveSession(clock.ctx, sid);
    expect(resolved?.mfaVerifiedAt).toEqual(clock.now());
    expect(await loadMfaChallenge(clock.ctx, sid)).toBeNull();

    // Another sign-in, same 30 seconds: the code just used is refused.
    const sid2 = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "verify" });
    expect(await passMfaChallenge(clock.ctx, { ...input, rawSessionId: sid2, code })).toMatchObject({ ok: false, error: { code: "replayed" } });
  });

  it("a recovery code works once, and remembering the device skips the next code", async () => {
    const { member, actorOf } = await setup("s2");
    const clock = clockedContext();
    const { recoveryCodes } = await enrol(clock.ctx, member, clock.now());
    const sid = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "verify" });
    const input = { rawSessionId: sid, kind: "recovery" as const, rememberDevice: true, userAgent: "test", ip: null };
    const used = await passMfaChallenge(clock.ctx, { ...input, code: recoveryCodes[0]!.toUpperCase() });
    expect(used.ok && used.value.recoveryCodesLeft).toBe(9);
    const token = used.ok ? used.value.rememberedDeviceToken : null;
    expect(token).toBeTruthy();

    const sid2 = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "verify" });
    expect(await passMfaChallenge(clock.ctx, { ...input, rawSessionId: sid2, code: recoveryCodes[0]! })).toMatchObject({
      ok: false,
      error: { code: "wrong_recovery_code" },
    });

    expect(await mfaStepForSignIn(clock.ctx, { userId: member.id, rememberedDeviceToken: token, actor: actorOf(member) })).toBeNull();
    // An unknown token does not stand in for the code.
    expect(await mfaStepForSignIn(clock.ctx, { userId: member.id, rememberedDeviceToken: "forged", actor: actorOf(member) })).toBe("verify");
    // After 30 days the device is forgotten, and the sweep removes its row.
    clock.advance(31 * 2880);
    expect(await mfaStepForSignIn(clock.ctx, { userId: member.id, rememberedDeviceToken: token, actor: actorOf(member) })).toBe("verify");
    expect(await pruneRememberedDevices(env.db, clock.now())).toBeGreaterThanOrEqual(1);
  });

  it("stops after five wrong codes, even for the right one", async () => {
    const { member } = await setup("s3");
    const clock = clockedContext();
    const { secret } = await enrol(clock.ctx, member, clock.now());
    clock.advance();
    const sid = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "verify" });
    const input = { rawSessionId: sid, kind: "totp" as const, rememberDevice: false, userAgent: null, ip: null };
    for (let i = 0; i < 5; i++) await passMfaChallenge(clock.ctx, { ...input, code: `00000${i}` });
    expect(await passMfaChallenge(clock.ctx, { ...input, code: totpCodeAt(secret, clock.now()) })).toMatchObject({
      ok: false,
      error: { code: "rate_limited" },
    });
  });

  it("an account requiring MFA walks an unenrolled member through enrolment at sign-in", async () => {
    const { member, account, actorOf } = await setup("s4");
    const clock = clockedContext();
    expect(await mfaRequirementFor(env.db, member.id)).toBe(false);
    await env.db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, account.id));
    expect(await mfaRequirementFor(env.db, member.id)).toBe(true);
    const step = await mfaStepForSignIn(clock.ctx, { userId: member.id, rememberedDeviceToken: null, actor: actorOf(member) });
    expect(step).toBe("enrol");
    const sid = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: step });
    expect(await resolveSession(clock.ctx, sid)).toBeNull();
    const started = await startMfaEnrolment(clock.ctx, { userId: member.id, email: member.email });
    const secret = new URL(started.ok ? started.value.uri : "x:").searchParams.get("secret")!;
    const done = await finishMfaEnrolmentAtSignIn(clock.ctx, { rawSessionId: sid, code: totpCodeAt(secret, clock.now()), ip: null });
    expect(done.ok && done.value.recoveryCodes).toHaveLength(10);
    // Still nothing granted until the person continues past their recovery codes.
    expect(await resolveSession(clock.ctx, sid)).toBeNull();
    // A sign-in that did not enrol cannot ride on the enrolment done elsewhere.
    const other = await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "enrol" });
    expect(await continueAfterEnrolment(clock.ctx, other)).toBe(false);
    expect(await continueAfterEnrolment(clock.ctx, sid)).toBe(true);
    expect(await resolveSession(clock.ctx, sid)).not.toBeNull();
    expect(await resolveSession(clock.ctx, other)).toBeNull();
    // Removing it is refused while the account requires it.
    clock.advance();
    expect(await removeOwnMfa(clock.ctx, { userId: member.id, code: totpCodeAt(secret, clock.now()), actor: actorOf(member) })).toEqual({
      ok: false,
      error: { code: "required" },
    });
  });
});

describe("managing MFA", () => {
  it("regenerates codes and removes MFA only with a current code", async () => {
    const { member, actorOf } = await setup("m1");
    const clock = clockedContext();
    const { secret, recoveryCodes } = await enrol(clock.ctx, member, clock.now());
    clock.advance();
    const regenerated = await regenerateRecoveryCodes(clock.ctx, { userId: member.id, code: totpCodeAt(secret, clock.now()), actor: actorOf(member) });
    expect(regenerated.ok && regenerated.value.recoveryCodes).toHaveLength(10);
    expect(regenerated.ok && regenerated.value.recoveryCodes).not.toContain(recoveryCodes[0]);
    expect((await removeOwnMfa(clock.ctx, { userId: member.id, code: "111111", actor: actorOf(member) })).ok).toBe(false);
    clock.advance();
    expect(await removeOwnMfa(clock.ctx, { userId: member.id, code: totpCodeAt(secret, clock.now()), actor: actorOf(member) })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await userHasMfa(env.db, member.id)).toBe(false);
    expect(await env.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, member.id))).toHaveLength(0);
  });

  it("an admin resets a member's MFA; a member cannot; support needs the staff flag and a reason", async () => {
    const { member, admin, account, actorOf } = await setup("r1");
    const clock = clockedContext();
    await enrol(clock.ctx, member, clock.now());
    expect(await resetMemberMfa(clock.ctx, { accountId: account.id, userId: admin.id, actor: actorOf(member) })).toEqual({
      ok: false,
      error: "Only account admins can reset a member's MFA.",
    });
    expect(await resetMemberMfa(clock.ctx, { accountId: account.id, userId: member.id, actor: actorOf(admin) })).toEqual({
      ok: true,
      value: { email: member.email, sessionsEnded: 0 },
    });
    expect(await userHasMfa(env.db, member.id)).toBe(false);
    const [event] = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "mfa.reset"), eq(auditEvents.accountId, account.id)));
    expect(event).toMatchObject({ actorUserId: admin.id, targetId: member.id, metadata: { reason: null, sessionsEnded: 0 } });

    await enrol(clock.ctx, member, clock.now());
    const { admin: outsider } = await setup("r2");
    expect(
      (await resetMemberMfa(clock.ctx, { accountId: account.id, userId: member.id, actor: actorOf(outsider), reason: "lost phone", bySupport: true })).ok,
    ).toBe(false);
    await setStaff(env.db, outsider.email, true);
    expect((await resetMemberMfa(clock.ctx, { accountId: account.id, userId: member.id, actor: actorOf(outsider), bySupport: true })).ok).toBe(false);
    expect(
      (await resetMemberMfa(clock.ctx, { accountId: account.id, userId: member.id, actor: actorOf(outsider), reason: "lost phone", bySupport: true })).ok,
    ).toBe(true);
    const support = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "mfa.reset"), eq(auditEvents.actorUserId, outsider.id)));
    expect(support[0]?.metadata).toEqual({ reason: "lost phone", sessionsEnded: 0, bySupport: true });
  });

  it("a reset ends the member's sessions and remembered devices, and no one else's", async () => {
    const { member, admin, account, actorOf } = await setup("r3");
    const clock = clockedContext();
    await enrol(clock.ctx, member, clock.now());
    await env.db.insert(mfaRememberedDevices).values({
      userId: member.id,
      tokenHash: "remembered-r3",
      userAgent: null,
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 86_400_000),
    });
    const theirs = await createSession(clock.ctx, { userId: member.id, method: "password" });
    await createSession(clock.ctx, { userId: member.id, method: "password", mfaStep: "verify" });
    const adminSession = await createSession(clock.ctx, { userId: admin.id, method: "password" });
    expect(await resolveSession(clock.ctx, theirs)).not.toBeNull();

    const reset = await resetMemberMfa(clock.ctx, { accountId: account.id, userId: member.id, actor: actorOf(admin) });
    expect(reset).toEqual({ ok: true, value: { email: member.email, sessionsEnded: 2 } });
    expect(await resolveSession(clock.ctx, theirs)).toBeNull();
    expect(await env.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expect(await env.db.select().from(mfaRememberedDevices).where(eq(mfaRememberedDevices.userId, member.id))).toHaveLength(0);
    expect(await resolveSession(clock.ctx, adminSession)).not.toBeNull();
  });
});
