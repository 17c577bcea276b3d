import { describe, expect, it } from "vitest";
import { auditEvents } from "@gatehouse/db";
import { auditLogCsv, authenticatePassword, changeMemberRole, ensureAccount, ensureMember, listAllAuditLog, listAuditActors, listAuditLog } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function setup() {
  const acme = await ensureAccount(env.db, { name: "Acme", slug: "acme-audit" });
  const globex = await ensureAccount(env.db, { name: "Globex", slug: "globex-audit" });
  const ana = await ensureMember(env.db, { accountId: acme.id, email: "ana@acme-audit.test", name: "Ana Admin", role: "admin" });
  const bob = await ensureMember(env.db, { accountId: acme.id, email: "bob@acme-audit.test", name: "Bob", role: "member" });
  return { acme, globex, ana, bob };
}

describe("the audit log of an account", () => {
  it("reads as sentences, filters by person, kind and date, pages both ways, and never shows another account", async () => {
    const { acme, globex, ana, bob } = await setup();
    const actor = { userId: ana.id, label: ana.email, ip: "203.0.113.5" };
    expect((await changeMemberRole(env.ctx, { accountId: acme.id, userId: bob.id, role: "admin", actor })).ok).toBe(true);
    const base = Date.parse("2026-03-01T12:00:00Z");
    // 25 sign-ins by Bob a minute apart, the last two at the same instant (the id breaks the tie).
    await env.db.insert(auditEvents).values(
      Array.from({ length: 25 }, (_, i) => ({
        accountId: acme.id,
        actorUserId: bob.id,
        actorLabel: bob.email,
        action: "sign_in.password.succeeded",
        ip: "198.51.100.1",
        createdAt: new Date(base + Math.min(i, 23) * 60_000),
      })),
    );
    await env.db
      .insert(auditEvents)
      .values({ accountId: globex.id, actorUserId: null, actorLabel: bob.email, action: "sign_in.password.failed", metadata: { reason: "wrong_password" } });

    const first = await listAuditLog(env.db, acme.id, {}, { limit: 10 });
    expect(first.entries[0]!.sentence).toBe("Ana Admin changed Bob's role from Member to Account Admin");
    expect(first.entries[0]!.kind).toBe("members");
    expect(first.newer).toBeNull();

    // Walk every page older, then back newer: each event seen once, in order, and back to the start.
    const seen: number[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.entries.map((e) => e.id));
      if (!page.older) break;
      page = await listAuditLog(env.db, acme.id, {}, { before: page.older, limit: 10 });
    }
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    const back = await listAuditLog(env.db, acme.id, {}, { after: page.newer!, limit: 10 });
    expect(back.entries.map((e) => e.id)).toEqual(seen.slice(10, 20));
    const top = await listAuditLog(env.db, acme.id, {}, { after: back.newer!, limit: 10 });
    expect(top.entries.map((e) => e.id)).toEqual(seen.slice(0, 10));
    expect(top.newer).toBeNull();

    const byAna = await listAuditLog(env.db, acme.id, { actor: ana.email }, { limit: 50 });
    expect(byAna.entries.map((e) => e.action)).toEqual(["member.role_changed"]);
    const signIns = await listAuditLog(env.db, acme.id, { kind: "sign_in" }, { limit: 50 });
    expect(signIns.entries).toHaveLength(25);
    expect((await listAuditLog(env.db, acme.id, { kind: "scim" }, { limit: 50 })).entries).toHaveLength(0);
    const window = await listAuditLog(env.db, acme.id, { from: new Date(base + 10 * 60_000), until: new Date(base + 12 * 60_000) }, { limit: 50 });
    expect(window.entries).toHaveLength(2);

    expect(await listAuditActors(env.db, acme.id)).toEqual([ana.email, bob.email]);
    expect((await listAllAuditLog(env.db, globex.id, {})).map((e) => e.sentence)).toEqual([`Password sign-in refused for ${bob.email}: wrong password`]);
  });

  it("exports CSV with quoting and spreadsheet formulas defused", async () => {
    const { acme } = await setup();
    await env.db.insert(auditEvents).values({
      accountId: acme.id,
      actorUserId: null,
      actorLabel: '=HYPERLINK("http://evil.test","click")',
      action: "sign_in.password.failed",
      ip: "@1",
      metadata: { reason: "wrong_password" },
    });
    const csv = auditLogCsv(await listAllAuditLog(env.db, acme.id, { actor: '=HYPERLINK("http://evil.test","click")' }));
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toBe("When (UTC),Who,What,Kind,Action,Target,IP,Details");
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(row).toContain(",'@1,");
    expect(row).toContain("Sign-ins");
  });
});

describe("password sign-ins in the audit log", () => {
  it("show in every account of the member, with the reason of a refusal", async () => {
    const acme = await ensureAccount(env.db, { name: "Acme P", slug: "acme-pw" });
    const globex = await ensureAccount(env.db, { name: "Globex P", slug: "globex-pw" });
    const initech = await ensureAccount(env.db, { name: "Initech P", slug: "initech-pw" });
    await ensureMember(env.db, { accountId: acme.id, email: "dan@pw.test", name: "Dan", role: "member", password: "right-password-1" });
    await ensureMember(env.db, { accountId: globex.id, email: "dan@pw.test", name: "Dan", role: "member" });
    expect((await authenticatePassword(env.ctx, { email: "dan@pw.test", password: "nope", ip: "192.0.2.7" })).ok).toBe(false);
    expect((await authenticatePassword(env.ctx, { email: "dan@pw.test", password: "right-password-1", ip: "192.0.2.7" })).ok).toBe(true);
    for (const account of [acme, globex]) {
      const log = await listAllAuditLog(env.db, account.id, { kind: "sign_in" });
      expect(log.map((e) => [e.sentence, e.ip])).toEqual([
        ["Dan signed in with a password", "192.0.2.7"],
        ["Password sign-in refused for dan@pw.test: wrong password", "192.0.2.7"],
      ]);
    }
    expect(await listAllAuditLog(env.db, initech.id, {})).toEqual([]);
  });
});
