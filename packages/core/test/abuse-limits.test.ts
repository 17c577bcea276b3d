import { describe, expect, it } from "vitest";
import { passwordResetTokens, signInAttempts, eq, lt, sql } from "@gatehouse/db";
import { authenticatePassword, createSession, ensureAccount, ensureMember, requestPasswordReset, resetPassword, resolveSession } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const PASSWORD = "integration-password";

async function member(tag: string) {
  const account = await ensureAccount(env.db, { name: `Acct ${tag}`, slug: `acct-${tag}` });
  return ensureMember(env.db, { accountId: account.id, email: `member-${tag}@test.dev`, name: "Member", role: "member", password: PASSWORD });
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("the per-email sign-in limit under parallel attempts (issue #12)", () => {
  it("checks at most five of 40 parallel wrong passwords for one email", async () => {
    const target = await member("par1");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => authenticatePassword(env.ctx, { email: target.email, password: `wrong-${i}`, ip: `10.40.0.${i}` })),
    );
    const checked = results.filter((r) => !r.ok && r.error.code === "invalid").length;
    const limited = results.filter((r) => !r.ok && r.error.code === "rate_limited").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + limited).toBe(40);
  });

  it("still lets the right password in after a success, and counts the IP only when known", async () => {
    const target = await member("par2");
    for (let i = 0; i < 4; i++) await authenticatePassword(env.ctx, { email: target.email, password: `bad-${i}`, ip: null });
    expect((await authenticatePassword(env.ctx, { email: target.email, password: PASSWORD, ip: null })).ok).toBe(true);
    // 35 failures for other emails with no known IP do not lock out anyone else without a known IP.
    await Promise.all(Array.from({ length: 35 }, (_, i) => authenticatePassword(env.ctx, { email: `ghost-${i}@test.dev`, password: "x-wrong-x", ip: null })));
    expect((await authenticatePassword(env.ctx, { email: target.email, password: PASSWORD, ip: null })).ok).toBe(true);
  });

  it("prunes attempt rows older than the window", async () => {
    const target = await member("prune");
    const old = new Date(Date.now() - 60 * 60_000);
    await env.db.insert(signInAttempts).values(Array.from({ length: 20 }, () => ({ key: "email:stale@test.dev", succeeded: "no" as const, createdAt: old })));
    await authenticatePassword(env.ctx, { email: target.email, password: "wrong-once", ip: "10.41.0.1" });
    const stale = await env.db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(lt(signInAttempts.createdAt, new Date(Date.now() - 30 * 60_000)));
    expect(stale[0]?.n).toBe(0);
  });
});

describe("password reset links (issue #12)", () => {
  it("using one link makes the user's other outstanding links unusable", async () => {
    const target = await member("links1");
    for (let i = 0; i < 2; i++) await requestPasswordReset(env.ctx, { email: target.email, actor: { userId: null, label: target.email, ip: null } });
    await env.smtp.waitForEmail({ to: target.email });
    await new Promise((r) => setTimeout(r, 200));
    const links = env.smtp
      .messages()
      .filter((m) => m.to.includes(target.email))
      .flatMap((m) => m.links.filter((l) => l.includes("/reset-password?token=")));
    const tokens = [...new Set(links.map(tokenOf))];
    expect(tokens).toHaveLength(2);
    const sid = await createSession(env.ctx, { userId: target.id, method: "password" });
    expect((await resetPassword(env.ctx, { token: tokens[0]!, password: "first-new-password", ip: null })).ok).toBe(true);
    expect(await resolveSession(env.ctx, sid)).toBeNull();
    const second = await resetPassword(env.ctx, { token: tokens[1]!, password: "attacker-password!", ip: null });
    expect(second.ok).toBe(false);
    expect((await authenticatePassword(env.ctx, { email: target.email, password: "first-new-password", ip: null })).ok).toBe(true);
    const open = await env.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, target.id));
    expect(open.every((t) => t.usedAt !== null)).toBe(true);
  });
});

describe("forgot-password limit (issue #12)", () => {
  it("sends at most three emails per address in the window, however many parallel requests", async () => {
    const target = await member("forgot1");
    const before = env.smtp.messages().length;
    await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        requestPasswordReset(env.ctx, { email: target.email, actor: { userId: null, label: target.email, ip: `10.50.0.${i}` } }),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const sent = env.smtp
      .messages()
      .slice(before)
      .filter((m) => m.to.includes(target.email));
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });

  it("limits requests from one IP across many addresses", async () => {
    const before = env.smtp.messages().length;
    const targets = await Promise.all(Array.from({ length: 14 }, (_, i) => member(`forgot-ip-${i}`)));
    for (const t of targets) await requestPasswordReset(env.ctx, { email: t.email, actor: { userId: null, label: t.email, ip: "10.60.0.1" } });
    await new Promise((r) => setTimeout(r, 300));
    const sent = env.smtp.messages().slice(before);
    expect(sent.length).toBeLessThanOrEqual(10);
  });
});
