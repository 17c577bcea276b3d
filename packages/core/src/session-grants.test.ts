import { describe, expect, it } from "vitest";
import { grantsOfSignIn, isAccountGranted, mergeGrants, type SessionProof } from "./session-grants";

describe("isAccountGranted", () => {
  it.each<[string, SessionProof, string, boolean]>([
    ["a password session opens every account of the user", { method: "password", grantedAccountIds: null }, "acme", true],
    ["an SSO session opens its connection's account", { method: "sso", grantedAccountIds: ["globex"] }, "globex", true],
    ["an SSO session does not open the user's other accounts", { method: "sso", grantedAccountIds: ["globex"] }, "acme", false],
    ["an SSO session that later proved another account opens both", { method: "sso", grantedAccountIds: ["globex", "acme"] }, "acme", true],
    ["an SSO session with no account opens nothing", { method: "sso", grantedAccountIds: [] }, "acme", false],
  ])("%s", (_name, proof, accountId, expected) => {
    expect(isAccountGranted(proof, accountId)).toBe(expected);
  });
});

describe("grantsOfSignIn and mergeGrants", () => {
  it.each<[string, ReturnType<typeof grantsOfSignIn>, ReturnType<typeof grantsOfSignIn>, ReturnType<typeof mergeGrants>]>([
    ["two SSO sign-ins add up", ["globex"], ["acme"], ["globex", "acme"]],
    ["the same account twice stays one", ["acme"], ["acme"], ["acme"]],
    ["a password sign-in after SSO grants all", ["globex"], null, null],
    ["SSO after a password session keeps all", null, ["acme"], null],
  ])("%s", (_name, previous, proved, expected) => {
    expect(mergeGrants(previous, proved)).toEqual(expected);
  });

  it("SSO proves the connection's account, a password every account", () => {
    expect(grantsOfSignIn({ method: "sso", accountId: "globex" })).toEqual(["globex"]);
    expect(grantsOfSignIn({ method: "password", accountId: null })).toBeNull();
  });
});
