import { describe, expect, it } from "vitest";
import { decideSsoSignIn, type SsoDecisionInput } from "./decide-sso-sign-in";

const base: SsoDecisionInput = {
  purpose: "sign_in",
  connection: { provider: "okta", enabled: true, provisioningMode: "match", jitRole: "member", allowedDomains: [], googleHostedDomain: null, emailTrust: "trust" },
  profile: { email: "ada@acme.test", firstName: null, lastName: null, displayName: null, username: null, picture: null, emailVerified: true, hostedDomain: null },
  member: { userId: "u1" },
  expectedEmail: null,
  verifiedDomains: [],
  emailProvenBefore: false,
};

const withConnection = (c: Partial<SsoDecisionInput["connection"]>) => ({ ...base, connection: { ...base.connection, ...c } });
const withProfile = (p: Partial<SsoDecisionInput["profile"]>) => ({ ...base, profile: { ...base.profile, ...p } });
const outcome = (input: SsoDecisionInput) => {
  const d = decideSsoSignIn(input);
  return d.outcome === "refuse" ? `refuse:${d.refusal.code}` : d.outcome;
};

describe("decideSsoSignIn", () => {
  it.each<[string, SsoDecisionInput, string]>([
    ["an existing member signs in", base, "sign_in"],
    ["a disabled connection refuses sign-in", withConnection({ enabled: false }), "refuse:connection_disabled"],
    ["a disabled connection still allows Authenticate", { ...withConnection({ enabled: false }), purpose: "authenticate", expectedEmail: "ada@acme.test" }, "sign_in"],
    ["no email is refused", withProfile({ email: null }), "refuse:no_email"],
    ["an unknown email is refused in match mode", { ...base, member: null }, "refuse:not_a_member"],
    ["an unknown email is provisioned in JIT mode", { ...withConnection({ provisioningMode: "jit" }), member: null }, "provision"],
    ["JIT respects allowed domains", { ...withConnection({ provisioningMode: "jit", allowedDomains: ["globex.test"] }), member: null }, "refuse:domain_not_allowed"],
    ["Google accepts its hosted domain", { ...withConnection({ provider: "google", googleHostedDomain: "acme.test" }), profile: { ...base.profile, hostedDomain: "acme.test" } }, "sign_in"],
    ["Google refuses a consumer account", withConnection({ provider: "google", googleHostedDomain: "acme.test" }), "refuse:wrong_hosted_domain"],
    ["Google refuses another workspace", { ...withConnection({ provider: "google", googleHostedDomain: "acme.test" }), profile: { ...base.profile, hostedDomain: "evil.test" } }, "refuse:wrong_hosted_domain"],
    ["Authenticate needs the admin's own email", { ...base, purpose: "authenticate", expectedEmail: "chen@acme.test" }, "refuse:email_mismatch"],
    ["verify-with-claim trusts a verified email", withConnection({ emailTrust: "verify_with_claim" }), "sign_in"],
    ["verify-with-claim asks to verify an unverified email", { ...withConnection({ emailTrust: "verify_with_claim" }), profile: { ...base.profile, emailVerified: false } }, "verify_email"],
    ["always-verify asks the first time", withConnection({ emailTrust: "always_verify" }), "verify_email"],
    ["always-verify does not ask again once proven", { ...withConnection({ emailTrust: "always_verify" }), emailProvenBefore: true }, "sign_in"],
    ["SAML trusts verified domains", { ...withConnection({ provider: "saml", emailTrust: "verified_domains" }), verifiedDomains: ["acme.test"] }, "sign_in"],
    ["SAML verifies other domains", withConnection({ provider: "saml", emailTrust: "verified_domains" }), "verify_email"],
  ])("%s", (_name, input, expected) => {
    expect(outcome(input)).toBe(expected);
  });

  it("explains refusals in words a person can act on", () => {
    const d = decideSsoSignIn({ ...base, member: null });
    expect(d).toMatchObject({ outcome: "refuse", refusal: { message: "ada@acme.test is not a member of this account.", advice: "Ask your admin to add you to the team, then sign in again." } });
  });
});
