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
  it("keeps the text of an unknown error", () => {
    expect(explainSsoError("something odd").message).toContain("something odd");
  });
});
