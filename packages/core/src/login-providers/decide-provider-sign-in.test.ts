import { describe, expect, it } from "vitest";
import { decideProviderSignIn, isProviderEmailTrusted, type ProviderSignInInput } from "./decide-provider-sign-in";

const stranger: ProviderSignInInput = {
  purpose: "sign_in",
  signedInUserId: null,
  provider: { provisioningMode: "auto_provision", allowedDomains: [], emailTrust: "verify_with_claim" },
  email: "new@example.test",
  emailVerifiedClaim: true,
  emailProven: false,
  linkedUserId: null,
  userWithEmailId: null,
};
const existing = { ...stranger, userWithEmailId: "u-email" };
const withPolicy = (input: ProviderSignInInput, p: Partial<ProviderSignInInput["provider"]>) => ({ ...input, provider: { ...input.provider, ...p } });
const outcome = (input: ProviderSignInInput) => {
  const d = decideProviderSignIn(input);
  return d.outcome === "refuse" ? `refuse:${d.code}` : "userId" in d ? `${d.outcome}:${d.userId}` : d.outcome;
};

describe("decideProviderSignIn", () => {
  it.each<[string, ProviderSignInInput, string]>([
    ["a known identity signs its user in", { ...existing, linkedUserId: "u-linked" }, "sign_in:u-linked"],
    ["a known identity wins over another user's email", { ...existing, linkedUserId: "u-linked", email: "other@example.test" }, "sign_in:u-linked"],
    [
      "a known identity signs in even when its email is unverified now",
      { ...stranger, linkedUserId: "u-linked", emailVerifiedClaim: false },
      "sign_in:u-linked",
    ],
    ["a stranger with a verified email is provisioned", stranger, "provision"],
    ["a stranger with an unverified email gets a verification link first", { ...stranger, emailVerifiedClaim: false }, "verify_email"],
    ["a stranger without the claim gets a verification link", { ...stranger, emailVerifiedClaim: null }, "verify_email"],
    ["a stranger who just proved the email is provisioned", { ...stranger, emailVerifiedClaim: false, emailProven: true }, "provision"],
    ["trust mode provisions without the claim", withPolicy({ ...stranger, emailVerifiedClaim: null }, { emailTrust: "trust" }), "provision"],
    ["always-verify asks even with a verified claim", withPolicy(stranger, { emailTrust: "always_verify" }), "verify_email"],
    ["always-verify provisions once proven", withPolicy({ ...stranger, emailProven: true }, { emailTrust: "always_verify" }), "provision"],
    ["match-only refuses a stranger", withPolicy(stranger, { provisioningMode: "match_only" }), "refuse:no_matching_login"],
    ["allowed domains refuse another domain", withPolicy(stranger, { allowedDomains: ["acme.test"] }), "refuse:domain_not_allowed"],
    ["allowed domains admit their domain", withPolicy({ ...stranger, email: "ada@ACME.test" }, { allowedDomains: ["acme.test"] }), "provision"],
    ["no email is refused", { ...stranger, email: null }, "refuse:no_email"],
    ["an existing login is never linked silently: confirmation", existing, "confirm_link:u-email"],
    ["an existing login with an untrusted email: verification first", { ...existing, emailVerifiedClaim: false }, "verify_email"],
    ["an existing login under always-verify: verification first", withPolicy(existing, { emailTrust: "always_verify" }), "verify_email"],
    [
      "an existing login after the verification link: confirmation",
      withPolicy({ ...existing, emailProven: true }, { emailTrust: "always_verify" }),
      "confirm_link:u-email",
    ],
    ["match-only still offers an existing login the confirmation", withPolicy(existing, { provisioningMode: "match_only" }), "confirm_link:u-email"],
    ["a signed-in user links a new identity", { ...stranger, purpose: "link", signedInUserId: "u-me", email: "someone-else@example.test" }, "link:u-me"],
    [
      "a signed-in user links whatever email the provider has",
      { ...stranger, purpose: "link", signedInUserId: "u-me", emailVerifiedClaim: false },
      "link:u-me",
    ],
    ["re-linking one's own identity is a no-op link", { ...stranger, purpose: "link", signedInUserId: "u-me", linkedUserId: "u-me" }, "link:u-me"],
    [
      "an identity linked to someone else cannot be linked",
      { ...stranger, purpose: "link", signedInUserId: "u-me", linkedUserId: "u-other" },
      "refuse:linked_to_someone_else",
    ],
  ])("%s", (_name, input, expected) => {
    expect(outcome(input)).toBe(expected);
  });
});

describe("isProviderEmailTrusted", () => {
  it.each<[ProviderSignInInput["provider"]["emailTrust"], boolean | null, boolean, boolean]>([
    ["verify_with_claim", true, false, true],
    ["verify_with_claim", false, false, false],
    ["verify_with_claim", null, false, false],
    ["trust", null, false, true],
    ["trust", false, false, true],
    ["always_verify", true, false, false],
    ["always_verify", true, true, true],
  ])("%s with claim %s, proven %s → %s", (emailTrust, emailVerifiedClaim, emailProven, expected) => {
    expect(isProviderEmailTrusted({ provider: { provisioningMode: "auto_provision", allowedDomains: [], emailTrust }, emailVerifiedClaim, emailProven })).toBe(
      expected,
    );
  });
});
