import { describe, expect, it } from "vitest";
import { acceptableUntil, checkVerifiedResponse, type ResponseExpectations } from "./check-verified-response";
import type { VerifiedSamlResponse } from "./read-verified-response";

const now = new Date("2026-11-27T12:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const ACS = "https://gatehouse.test/api/oauth/saml";
const IDP = "https://idp.test/entity";
const SP = "https://gatehouse.test/api/sso/saml/metadata";

const expected: ResponseExpectations = { idpEntityId: IDP, spEntityId: SP, acsUrl: ACS, requestId: "_req1", clockSkewSeconds: 60, now };

function response(change: (r: VerifiedSamlResponse) => void = () => {}): VerifiedSamlResponse {
  const r: VerifiedSamlResponse = {
    assertionId: "_a1",
    issuer: IDP,
    issueInstant: now,
    notBefore: minutes(-5),
    notOnOrAfter: minutes(5),
    subjectConfirmations: [{ inResponseTo: "_req1", notOnOrAfter: minutes(5), recipient: ACS }],
    audienceRestrictions: [[SP]],
    assertionXml: "<saml:Assertion/>",
    statusCode: "urn:oasis:names:tc:SAML:2.0:status:Success",
    response: { signed: false, id: "_r1", inResponseTo: "_req1", issuer: IDP },
    encrypted: false,
    certificateFingerprint: "AA:BB",
  };
  change(r);
  return r;
}

describe("checkVerifiedResponse", () => {
  it.each<[string, VerifiedSamlResponse, Partial<ResponseExpectations>, string | null]>([
    ["an honest response", response(), {}, null],
    ["no assertion ID", response((r) => (r.assertionId = "")), {}, "assertion_without_id"],
    ["another issuer on the assertion", response((r) => (r.issuer = "https://evil.test")), {}, "wrong_issuer"],
    ["another issuer on the envelope", response((r) => (r.response.issuer = "https://evil.test")), {}, "wrong_issuer"],
    ["no issuer on the assertion", response((r) => (r.issuer = null)), {}, "wrong_issuer"],
    ["InResponseTo only on the signed assertion", response((r) => (r.response.inResponseTo = null)), {}, null],
    ["InResponseTo only on a signed envelope", response((r) => ((r.response.signed = true), (r.subjectConfirmations[0]!.inResponseTo = null))), {}, null],
    ["InResponseTo only on an unsigned envelope", response((r) => (r.subjectConfirmations[0]!.inResponseTo = null)), {}, "in_response_to_missing"],
    [
      "no InResponseTo anywhere (re-targeted replay)",
      response((r) => ((r.response.inResponseTo = null), (r.subjectConfirmations[0]!.inResponseTo = null))),
      {},
      "in_response_to_missing",
    ],
    [
      "the assertion answers another request",
      response((r) => ((r.response.inResponseTo = null), (r.subjectConfirmations[0]!.inResponseTo = "_old"))),
      {},
      "in_response_to_mismatch",
    ],
    ["the unsigned envelope answers another request", response((r) => (r.response.inResponseTo = "_old")), {}, "in_response_to_mismatch"],
    [
      "an unsolicited response without InResponseTo",
      response((r) => ((r.response.inResponseTo = null), (r.subjectConfirmations[0]!.inResponseTo = null))),
      { requestId: null },
      null,
    ],
    ["another recipient", response((r) => (r.subjectConfirmations[0]!.recipient = "https://other.test/acs")), {}, "wrong_recipient"],
    ["the IdP reports a failure", response((r) => (r.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder")), {}, "idp_status_error"],
    ["no status element (read as success)", response((r) => (r.statusCode = null)), {}, null],
    ["no audience", response((r) => (r.audienceRestrictions = [])), {}, "wrong_audience"],
    ["another audience", response((r) => (r.audienceRestrictions = [["https://other.test/sp"]])), {}, "wrong_audience"],
    ["our entity ID as a prefix of another audience", response((r) => (r.audienceRestrictions = [[`${SP}-evil`]])), {}, "wrong_audience"],
    ["one of several audiences in a restriction", response((r) => (r.audienceRestrictions = [["https://other.test/sp", SP]])), {}, null],
    ["a second restriction without us", response((r) => (r.audienceRestrictions = [[SP], ["https://other.test/sp"]])), {}, "wrong_audience"],
    ["not yet valid beyond the skew", response((r) => (r.notBefore = minutes(2))), {}, "not_yet_valid"],
    ["not yet valid within the skew", response((r) => (r.notBefore = new Date(now.getTime() + 30_000))), {}, null],
    ["expired beyond the skew", response((r) => (r.notOnOrAfter = minutes(-2))), {}, "expired"],
    ["expired within the skew", response((r) => (r.notOnOrAfter = new Date(now.getTime() - 30_000))), {}, null],
    ["the bearer confirmation expired", response((r) => (r.subjectConfirmations[0]!.notOnOrAfter = minutes(-2))), {}, "expired"],
  ])("%s", (_name, input, overrides, code) => {
    expect(checkVerifiedResponse(input, { ...expected, ...overrides })?.code ?? null).toBe(code);
  });
});

describe("acceptableUntil", () => {
  it("is the earliest end of validity plus the skew", () => {
    expect(
      acceptableUntil(
        response((r) => (r.subjectConfirmations[0]!.notOnOrAfter = minutes(3))),
        60,
      ),
    ).toEqual(minutes(4));
  });
  it("is null when the assertion names no end", () => {
    expect(
      acceptableUntil(
        response((r) => ((r.notOnOrAfter = null), (r.subjectConfirmations = []))),
        60,
      ),
    ).toBeNull();
  });
});
