import { describe, expect, it } from "vitest";
import type { SsoProvider } from "@gatehouse/db";
import { isReachedByAssertedEmail, plusAddressLookup } from "./plus-address";

describe("isReachedByAssertedEmail", () => {
  it.each<[SsoProvider, string, string, boolean]>([
    ["google", "ami@acme.test", "ami+cio@acme.test", true],
    ["google", "Ami@Acme.test", "ami+CIO@acme.test", true],
    ["google", "ami@acme.test", "ami@acme.test", true],
    ["google", "ami@acme.test", "ami+@acme.test", false],
    ["google", "ami@acme.test", "amie+cio@acme.test", false],
    ["google", "ami@acme.test", "ami+cio@other.test", false],
    ["google", "ami@acme.test", "ami+cio@sub.acme.test", false],
    ["google", "ami+cio@acme.test", "ami@acme.test", false],
    ["google", "ami+cio@acme.test", "ami+other@acme.test", false],
    ["google", "ami+cio@acme.test", "ami+cio@acme.test", true],
    ["okta", "ami@acme.test", "ami+cio@acme.test", false],
    ["entra", "ami@acme.test", "ami+cio@acme.test", false],
    ["oidc", "ami@acme.test", "ami+cio@acme.test", false],
    ["saml", "ami@acme.test", "ami+cio@acme.test", false],
    ["saml", "ami@acme.test", "AMI@acme.test", true],
  ])("%s: %s reaches %s → %s", (provider, asserted, user, expected) => {
    expect(isReachedByAssertedEmail(provider, asserted, user)).toBe(expected);
  });
});

describe("plusAddressLookup", () => {
  it("looks for tagged forms with Google only", () => {
    expect(plusAddressLookup("google", " Ami@Acme.test ")).toEqual({ localPart: "ami", domain: "acme.test" });
    expect(plusAddressLookup("okta", "ami@acme.test")).toBeNull();
    expect(plusAddressLookup("google", "ami+x@acme.test")).toBeNull();
    expect(plusAddressLookup("google", "not-an-email")).toBeNull();
  });
});
