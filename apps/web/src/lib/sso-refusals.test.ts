import { describe, expect, it } from "vitest";
import { decideSsoSignIn, explainSsoError } from "@gatehouse/core";
import { SSO_REFUSALS, ssoRefusalCode, ssoRefusalText } from "./sso-refusals";

describe("ssoRefusalCode", () => {
  it.each([
    ["This sign-in option is switched off.", "connection_disabled"],
    ["ada@acme.test is not a member of this account.", "not_a_member"],
    ["Emails at evil.test may not sign in through this connection.", "domain_not_allowed"],
    ["The email the IdP sent (a@x.test) does not match yours (b@x.test).", "email_mismatch"],
    ["ada@gmail.com is not an account of the Google Workspace domain acme.test.", "wrong_hosted_domain"],
    ["No connection here uses the identity provider https://idp.test/x.", "saml_unknown_idp"],
    ["This sign-in has expired or was already completed.", "flow_stale"],
    [explainSsoError("AADSTS7000215: Invalid client secret").message, "idp_client"],
    [explainSsoError("fetch failed").message, "idp_unreachable"],
    // Raw IdP text is never echoed: it becomes the general code.
    [explainSsoError("Your account is suspended, call +1 555 0100").message, "failed"],
    ["anything else", "failed"],
  ])("%j → %s", (message, code) => {
    expect(ssoRefusalCode(message)).toBe(code);
  });

  it.each([
    ["existing_user_outside_account", "existing_user_outside_account"],
    ["email_linked_to_other_identity", "email_linked_to_other_identity"],
    ["other_browser", "other_browser"],
    // The SAML ACS hands its own codes over; each has the text the ACS gave.
    ["saml_signature_not_verified", "saml_signature_not_verified"],
    ["saml_assertion_count", "saml_assertion_count"],
    ["saml_not_ours", "saml_not_ours"],
    ["idp_initiated_off", "idp_initiated_off"],
    // A code this page has no text for falls back to the message, then to the general sentence.
    ["some_future_code", "failed"],
  ])("the flow's own code %s wins over the message", (code, expected) => {
    expect(ssoRefusalCode("anything else", code)).toBe(expected);
  });

  it("knows the tenant-isolation refusals by their code", () => {
    const identity = { linkedUser: null, userWithEmail: { userId: "u", isMember: false, linkedToOtherSubject: false } };
    const connection = {
      enabled: true,
      provider: "okta",
      allowedDomains: [],
      googleHostedDomain: null,
      provisioningMode: "jit",
      jitRole: "member",
      emailTrust: "trust",
    };
    const decision = decideSsoSignIn({
      connection,
      profile: { email: "a@b.test" },
      purpose: "sign_in",
      identity,
      expectedEmail: null,
      emailOnVerifiedDomain: false,
      emailProvenBefore: false,
    } as never);
    expect(decision.outcome === "refuse" && ssoRefusalCode(decision.refusal.message, decision.refusal.code)).toBe("existing_user_outside_account");
  });

  it("knows every refusal core's sign-in decision can give", () => {
    const connection = { enabled: false, provider: "okta", allowedDomains: [], googleHostedDomain: null, provisioningMode: "match", jitRole: "member" };
    const decision = decideSsoSignIn({
      connection,
      profile: { email: "a@b.test" },
      purpose: "sign_in",
      member: null,
      emailOnVerifiedDomain: false,
      emailProvenBefore: false,
    } as never);
    expect(decision.outcome).toBe("refuse");
    if (decision.outcome === "refuse") expect(ssoRefusalCode(decision.refusal.message)).toBe(decision.refusal.code);
  });
});

describe("ssoRefusalText", () => {
  it.each([
    ["not_a_member", SSO_REFUSALS.not_a_member],
    ["Your account is suspended, call +1 555 0100", SSO_REFUSALS.failed],
    ["__proto__", SSO_REFUSALS.failed],
    ["toString", SSO_REFUSALS.failed],
    [undefined, SSO_REFUSALS.failed],
    [["not_a_member", "x"], SSO_REFUSALS.failed],
  ])("%j", (code, expected) => {
    expect(ssoRefusalText(code)).toEqual(expected);
  });
});
