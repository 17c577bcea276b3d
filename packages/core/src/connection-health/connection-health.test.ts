import { describe, expect, it } from "vitest";
import { connectionHealth, dueReminderThreshold, type HealthInput } from "./connection-health";

const now = new Date("2026-06-01T12:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);
const cert = (fingerprint: string, days: number) => ({ sha256Fingerprint: fingerprint, subject: "CN=idp", notAfter: inDays(days).toISOString() });
const saml = (...certificates: HealthInput["certificates"]): HealthInput => ({ provider: "saml", certificates, clientSecretExpiresAt: null });
const oidc = (days: number | null): HealthInput => ({ provider: "okta", certificates: [], clientSecretExpiresAt: days === null ? null : inDays(days) });

describe("connectionHealth", () => {
  it.each<[string, HealthInput, string, number | null, RegExp | null]>([
    ["certificate valid for a year", saml(cert("A", 365)), "ok", 365, null],
    ["certificate with 31 days", saml(cert("A", 31)), "ok", 31, null],
    ["certificate with exactly 30 days", saml(cert("A", 30)), "expiring", 30, /expires on 2026-07-01 \(in 30 days\)\. Get the new signing certificate/],
    ["certificate with half a day", saml(cert("A", 0.5)), "expiring", 1, /in 1 day\)/],
    [
      "certificate expired",
      saml(cert("A", -2)),
      "expired",
      -2,
      /expired on 2026-05-30: sign-ins through this connection fail\. Add the identity provider's current signing certificate/,
    ],
    ["rotation: the newest certificate counts", saml(cert("OLD", -3), cert("NEW", 200)), "ok", 200, null],
    ["SAML without certificates", saml(), "unknown", null, null],
    ["OIDC secret without a date", oidc(null), "ok", null, null],
    ["OIDC secret in 10 days", oidc(10), "expiring", 10, /The OIDC client secret expires on 2026-06-11 \(in 10 days\)\. Create a new client secret/],
    ["OIDC secret expired", oidc(-1), "expired", -1, /The OIDC client secret expired on 2026-05-31/],
  ])("%s", (_name, input, status, daysLeft, message) => {
    const health = connectionHealth(input, now);
    expect(health.status).toBe(status);
    expect(health.credential?.daysLeft ?? null).toBe(daysLeft);
    if (message) expect(health.message).toMatch(message);
    else expect(health.message).toBeNull();
  });

  it("names the credential a reminder is about", () => {
    expect(connectionHealth(saml(cert("OLD", 5), cert("NEW", 20)), now).credential).toMatchObject({ what: "certificate", credential: "NEW" });
    expect(connectionHealth(oidc(3), now).credential).toMatchObject({ what: "secret", credential: "client_secret" });
  });
});

describe("dueReminderThreshold", () => {
  it.each<[number, number[], number | null]>([
    [45, [], null],
    [31, [], null],
    [30, [], 30],
    [30, [30], null],
    [20, [30], null],
    [14, [30], 14],
    [10, [30, 14], null],
    [7, [30, 14], 7],
    [5, [], 7],
    [5, [30], 7],
    [2, [30, 14, 7], null],
    [1, [30, 14, 7], 1],
    [1, [1], null],
    [0, [], null],
    [-4, [], null],
  ])("%i days left, sent %o → %o", (daysLeft, sent, due) => {
    expect(dueReminderThreshold(daysLeft, sent)).toBe(due);
  });
});
