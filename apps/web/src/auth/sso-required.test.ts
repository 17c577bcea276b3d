import { describe, expect, it } from "vitest";
import { SSO_REQUIRED, ssoRequiredFromCode } from "./sso-required";

describe("ssoRequiredFromCode", () => {
  const refusal = { message: "Acme requires signing in with SSO.", accounts: [{ name: "Acme", slug: "acme" }] };
  it.each([
    { name: "a refusal round-trips", code: `${SSO_REQUIRED}${JSON.stringify(refusal)}`, expected: refusal },
    { name: "another code is not a refusal", code: "rate_limited:15", expected: null },
    { name: "broken JSON is not a refusal", code: `${SSO_REQUIRED}{nope`, expected: null },
    { name: "the wrong shape is not a refusal", code: `${SSO_REQUIRED}{"message":1}`, expected: null },
  ])("$name", ({ code, expected }) => expect(ssoRequiredFromCode(code)).toEqual(expected));
});
