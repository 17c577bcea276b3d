import { describe, expect, it } from "vitest";
import { decideSsoSignIn, type SsoDecisionInput } from "./decide-sso-sign-in";

const base: SsoDecisionInput = {
  purpose: "sign_in",
  connection: {
    provider: "okta",
    enabled: true,
    provisioningMode: "match",
    jitRole: "member",
    allowedDomains: [],
    googleHostedDomain: null,
    emailTrust: "trust",
  },
  profile: {
    email: "ada@acme.test",
    firstName: null,
    lastName: null,
    displayName: null,
    username: null,
    picture: null,
    emailVerified: true,
    hostedDomain: null,
  },
  identity: { linkedUser: null, userWithEmail: { userId: "u1", isMember: true, linkedToOtherSubject: false } },
  expectedEmail: null,
  emailOnVerifiedDomain: false,
  emailProvenBefore: false,
};

const nobody: SsoDecisionInput["identity"] = { linkedUser: null, userWithEmail: null };
const outsider: SsoDecisionInput["identity"] = { linkedUser: null, userWithEmail: { userId: "u9", isMember: false, linkedToOtherSubject: false } };
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
    [
      "a disabled connection still allows Authenticate",
      { ...withConnection({ enabled: false }), purpose: "authenticate", expectedEmail: "ada@acme.test" },
      "sign_in",
    ],
    ["no email is refused", withProfile({ email: null }), "refuse:no_email"],
    ["an unknown email is refused in match mode", { ...base, identity: nobody }, "refuse:not_a_member"],
    ["an unknown email is provisioned in JIT mode", { ...withConnection({ provisioningMode: "jit" }), identity: nobody }, "provision"],
    [
      "JIT respects allowed domains",
      { ...withConnection({ provisioningMode: "jit", allowedDomains: ["globex.test"] }), identity: nobody },
      "refuse:domain_not_allowed",
    ],
    [
      "Google accepts its hosted domain",
      { ...withConnection({ provider: "google", googleHostedDomain: "acme.test" }), profile: { ...base.profile, hostedDomain: "acme.test" } },
      "sign_in",
    ],
    ["Google refuses a consumer account", withConnection({ provider: "google", googleHostedDomain: "acme.test" }), "refuse:wrong_hosted_domain"],
    [
      "Google refuses another workspace",
      { ...withConnection({ provider: "google", googleHostedDomain: "acme.test" }), profile: { ...base.profile, hostedDomain: "evil.test" } },
      "refuse:wrong_hosted_domain",
    ],
    ["Authenticate needs the admin's own email", { ...base, purpose: "authenticate", expectedEmail: "chen@acme.test" }, "refuse:email_mismatch"],
    ["verify-with-claim trusts a verified email", withConnection({ emailTrust: "verify_with_claim" }), "sign_in"],
    [
      "verify-with-claim asks to verify an unverified email",
      { ...withConnection({ emailTrust: "verify_with_claim" }), profile: { ...base.profile, emailVerified: false } },
      "verify_email",
    ],
    ["always-verify asks the first time", withConnection({ emailTrust: "always_verify" }), "verify_email"],
    ["always-verify does not ask again once proven", { ...withConnection({ emailTrust: "always_verify" }), emailProvenBefore: true }, "sign_in"],
    ["SAML trusts verified domains", { ...withConnection({ provider: "saml", emailTrust: "verified_domains" }), emailOnVerifiedDomain: true }, "sign_in"],
    ["SAML verifies other domains", withConnection({ provider: "saml", emailTrust: "verified_domains" }), "verify_email"],
    // Tenant isolation: another account's IdP never signs in a user outside its account.
    ["an existing user outside the account is refused in match mode", { ...base, identity: outsider }, "refuse:existing_user_outside_account"],
    [
      "an existing user outside the account is refused in JIT mode too",
      { ...withConnection({ provisioningMode: "jit" }), identity: outsider },
      "refuse:existing_user_outside_account",
    ],
    ["an outside user on a verified domain of the account is linked", { ...base, identity: outsider, emailOnVerifiedDomain: true }, "sign_in"],
    [
      "a second subject asserting a linked email is refused",
      { ...base, identity: { linkedUser: null, userWithEmail: { userId: "u1", isMember: true, linkedToOtherSubject: true } } },
      "refuse:email_linked_to_other_identity",
    ],
    [
      "a linked identity signs in even with an untrusted email",
      { ...withConnection({ emailTrust: "always_verify" }), identity: { linkedUser: { userId: "u1", isMember: true }, userWithEmail: null } },
      "sign_in",
    ],
    [
      "a linked identity whose user left rejoins in JIT mode",
      { ...withConnection({ provisioningMode: "jit" }), identity: { linkedUser: { userId: "u1", isMember: false }, userWithEmail: null } },
      "rejoin",
    ],
    [
      "Authenticate by someone outside the account fails",
      { ...base, purpose: "authenticate", expectedEmail: "ada@acme.test", identity: outsider },
      "refuse:not_a_member",
    ],
    [
      "Authenticate by a setup link's recipient (no member) proves the settings",
      { ...base, purpose: "authenticate", expectedEmail: "ada@acme.test", identity: nobody, bySetupLinkRecipient: true },
      "settings_proven",
    ],
    [
      "Authenticate by a setup link's recipient still needs their own email back",
      { ...base, purpose: "authenticate", expectedEmail: "it@acme.test", identity: nobody, bySetupLinkRecipient: true },
      "refuse:email_mismatch",
    ],
    [
      "Authenticate by a setup link's recipient keeps the connection's allowed domains",
      { ...withConnection({ allowedDomains: ["other.test"] }), purpose: "authenticate", expectedEmail: "ada@acme.test", bySetupLinkRecipient: true },
      "refuse:domain_not_allowed",
    ],
    ["a recipient flag on a sign-in changes nothing", { ...base, identity: nobody, bySetupLinkRecipient: true }, "refuse:not_a_member"],
  ])("%s", (_name, input, expected) => {
    expect(outcome(input)).toBe(expected);
  });

  it("explains refusals in words a person can act on", () => {
    const d = decideSsoSignIn({ ...base, identity: nobody });
    expect(d).toMatchObject({
      outcome: "refuse",
      refusal: { message: "ada@acme.test is not a member of this account.", advice: "Ask your admin to add you to the team, then sign in again." },
    });
  });
});
