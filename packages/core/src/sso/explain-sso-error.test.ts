import { describe, expect, it } from "vitest";
import { explainSsoError } from "./explain-sso-error";

describe("explainSsoError", () => {
  it.each([
    ["invalid_client: AADSTS7000215: Invalid client secret provided.", "Secret ID"],
    ["access_denied: User is not assigned to the client application.", "Add yourself"],
    ["Assertion audience mismatch", "Audience URI"],
    ["Invalid signature", "rotated its signing certificate"],
    ["Assertion is expired", "clocks"],
    ["connect ECONNREFUSED 127.0.0.1:9", "reachable"],
  ])("%s", (raw, advice) => {
    expect(explainSsoError(raw).advice).toContain(advice);
  });
  it.each([
    ["invalid_scope: the scope 'groups' is not allowed", "The identity provider refused the sign-in: invalid_scope: the scope 'groups' is not allowed"],
    ["temporarily_unavailable", "The identity provider refused the sign-in: temporarily_unavailable"],
    // Our own exception text never becomes a message (nor, through it, an audit entry).
    ["Cannot read properties of undefined (reading 'toString')", "The sign-in failed because of an unexpected error."],
    ["something odd", "The sign-in failed because of an unexpected error."],
  ])("an unknown error %j", (raw, message) => {
    expect(explainSsoError(raw).message).toBe(message);
  });
});
