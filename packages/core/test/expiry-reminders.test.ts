import { describe, expect, it } from "vitest";
import { auditEvents, eq, ssoConnections, ssoExpiryReminders, type StoredCertificate } from "@gatehouse/db";
import { ensureAccount, ensureMember, sendExpiryReminders } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const DAY = 86_400_000;
const start = new Date("2026-06-01T03:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);

const certificate = (fingerprint: string, notAfter: Date): StoredCertificate => ({
  pem: "",
  sha256Fingerprint: fingerprint,
  subject: "CN=idp",
  notAfter: notAfter.toISOString(),
  addedAt: start.toISOString(),
  lastVerifiedAt: null,
});

async function connection(accountId: string, values: Partial<typeof ssoConnections.$inferInsert>) {
  const [row] = await env.db
    .insert(ssoConnections)
    .values({ accountId, provider: "saml", name: "Okta", buttonText: "Sign in with Okta", enabled: true, attributeMapping: {} as never, ...values })
    .returning({ id: ssoConnections.id });
  return row!.id;
}

describe("expiry reminders (daily sweep, real PostgreSQL and SMTP)", () => {
  it("emails the admins 30, 14, 7 and 1 days before, each once, and records what was sent", async () => {
    const acme = await ensureAccount(env.db, { name: "Acme Expiry", slug: "acme-expiry" });
    const admin = await ensureMember(env.db, { accountId: acme.id, email: "ana@expiry.test", name: "Ana", role: "admin" });
    await ensureMember(env.db, { accountId: acme.id, email: "bob@expiry.test", name: "Bob", role: "member" });
    const expires = at(40);
    const saml = await connection(acme.id, { name: "Okta SAML", certificates: [certificate("AA:BB", expires)] });
    await connection(acme.id, { name: "Switched off", enabled: false, certificates: [certificate("CC:DD", at(20))] });

    const sentOn: number[] = [];
    for (let day = 0; day <= 42; day += 1) {
      const sent = await sendExpiryReminders(env.ctx, at(day));
      // Two sweeps on the same day (two replicas, or a rerun) send nothing more.
      expect(await sendExpiryReminders(env.ctx, at(day + 0.01))).toBe(0);
      if (sent) sentOn.push(day);
    }
    expect(sentOn).toEqual([10, 26, 33, 39]);

    const rows = await env.db.select().from(ssoExpiryReminders).where(eq(ssoExpiryReminders.connectionId, saml));
    expect(rows.map((r) => r.thresholdDays).sort((a, b) => b - a)).toEqual([30, 14, 7, 1]);
    const toAdmin = env.smtp.messages().filter((m) => m.to.includes(admin.email));
    expect(toAdmin).toHaveLength(4);
    expect(env.smtp.messages().filter((m) => m.to.includes("bob@expiry.test"))).toHaveLength(0);
    const seven = await env.smtp.waitForEmail({ to: admin.email, subject: "The SAML signing certificate of Okta SAML (Acme Expiry) expires in 7 days" });
    expect(seven.text).toContain(`http://app.test/settings/security/${saml}`);
    expect(seven.text).toContain("Get the new signing certificate from your identity provider");
    const audits = await env.db.select().from(auditEvents).where(eq(auditEvents.action, "sso.connection.expiry_reminder_sent"));
    expect(audits).toHaveLength(4);
  });

  it("starts with the most urgent reminder, and a new secret date starts a fresh set", async () => {
    const globex = await ensureAccount(env.db, { name: "Globex Expiry", slug: "globex-expiry" });
    const admin = await ensureMember(env.db, { accountId: globex.id, email: "gil@expiry.test", name: "Gil", role: "admin" });
    const oidc = await connection(globex.id, { provider: "okta", name: "Okta OIDC", clientSecretExpiresAt: at(5) });
    expect(await sendExpiryReminders(env.ctx, at(0))).toBe(1);
    expect((await env.db.select().from(ssoExpiryReminders).where(eq(ssoExpiryReminders.connectionId, oidc))).map((r) => r.thresholdDays)).toEqual([7]);
    await env.smtp.waitForEmail({ to: admin.email, subject: "The OIDC client secret of Okta OIDC (Globex Expiry) expires in 5 days" });

    await env.db
      .update(ssoConnections)
      .set({ clientSecretExpiresAt: at(25) })
      .where(eq(ssoConnections.id, oidc));
    expect(await sendExpiryReminders(env.ctx, at(1))).toBe(1);
    await env.smtp.waitForEmail({ to: admin.email, subject: "The OIDC client secret of Okta OIDC (Globex Expiry) expires in 24 days" });
    expect(await sendExpiryReminders(env.ctx, at(30))).toBe(0);
  });
});
