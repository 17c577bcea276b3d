import { describe, expect, it } from "vitest";
import { explainJacksonRefusal } from "./explain-refusal";

describe("explainJacksonRefusal", () => {
  it.each([
    ["Invalid audience.", "wrong_audience"],
    ["Assertion is expired.", "expired"],
    ["Invalid InResponseTo.", "in_response_to_mismatch"],
    ["Invalid assertion signature.", "signature_not_verified"],
    ["Unable to validate state from the origin request.", "unknown_sign_in"],
    ["Invalid Status Code (Responder).", "idp_status_error"],
    ["Cannot read properties of undefined (reading 'Assertion')", "saml_engine_refused"],
  ])("%s → %s", (raw, code) => {
    expect(explainJacksonRefusal(raw).code).toBe(code);
  });

  it("never repeats internal error text", () => {
    expect(explainJacksonRefusal("Cannot read properties of undefined (reading 'x')").message).not.toMatch(/Cannot read/);
  });
});
