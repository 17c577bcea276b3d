import { describe, expect, it } from "vitest";
import { decideIdentityLink, type IdentityLinkInput } from "./decide-identity-link";

const none: IdentityLinkInput = { linkedUser: null, userWithEmail: null, emailDomainVerified: false, provisioningMode: "match" };
const member = { userId: "u-member", isMember: true };
const outsider = { userId: "u-outside", isMember: false };
const withEmail = (u: { userId: string; isMember: boolean }, linkedToOtherSubject = false) => ({ ...u, linkedToOtherSubject });
const show = (input: IdentityLinkInput) => {
  const d = decideIdentityLink(input);
  return d.outcome === "refuse" ? `refuse:${d.reason}` : "userId" in d ? `${d.outcome}:${d.userId}` : d.outcome;
};

describe("decideIdentityLink", () => {
  it.each<[string, IdentityLinkInput, string]>([
    ["a linked identity signs in as its user", { ...none, linkedUser: member }, "linked:u-member"],
    [
      "a linked identity stays with its user when the email now names someone else",
      { ...none, linkedUser: member, userWithEmail: withEmail(outsider) },
      "linked:u-member",
    ],
    ["a linked identity whose user left the account is refused in match mode", { ...none, linkedUser: outsider }, "refuse:not_a_member"],
    ["a linked identity whose user left the account rejoins in JIT mode", { ...none, linkedUser: outsider, provisioningMode: "jit" }, "rejoin:u-outside"],
    ["first sign-in links to an existing member with that email", { ...none, userWithEmail: withEmail(member) }, "link:u-member"],
    ["first sign-in never takes over a user outside the account", { ...none, userWithEmail: withEmail(outsider) }, "refuse:existing_user_outside_account"],
    [
      "JIT does not take over a user outside the account either",
      { ...none, userWithEmail: withEmail(outsider), provisioningMode: "jit" },
      "refuse:existing_user_outside_account",
    ],
    [
      "a verified domain of the account lets an outside user be linked",
      { ...none, userWithEmail: withEmail(outsider), emailDomainVerified: true },
      "link:u-outside",
    ],
    [
      "a second subject asserting a linked member's email is refused",
      { ...none, userWithEmail: withEmail(member, true) },
      "refuse:email_linked_to_other_identity",
    ],
    [
      "a second subject is refused even on a verified domain",
      { ...none, userWithEmail: withEmail(member, true), emailDomainVerified: true },
      "refuse:email_linked_to_other_identity",
    ],
    ["nobody with the email, match mode: refused", none, "refuse:not_a_member"],
    ["nobody with the email, JIT: a new user", { ...none, provisioningMode: "jit" }, "provision"],
  ])("%s", (_name, input, expected) => {
    expect(show(input)).toBe(expected);
  });
});
