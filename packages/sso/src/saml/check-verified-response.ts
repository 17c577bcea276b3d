import type { VerifiedSamlResponse } from "./read-verified-response";

export type ResponseExpectations = {
  /** The connection's IdP entity ID: every Issuer in the response must be this one. */
  idpEntityId: string | null;
  /** Our SP entity ID: every AudienceRestriction must name it. */
  spEntityId: string;
  /** Our ACS URL: a bearer confirmation's Recipient must be this one. */
  acsUrl: string;
  /** The ID of the AuthnRequest this response answers; null for an unsolicited response. */
  requestId: string | null;
  clockSkewSeconds: number;
  now: Date;
};

export type ResponseProblem = { code: string; message: string };

const SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

/**
 * Everything a verified response must satisfy before its claims are used: the IdP's status,
 * issuer, InResponseTo bound to the request we sent (SAML core 2.0 §3.2.2 and profiles
 * §4.1.4.3: on the Response or on the signed assertion's SubjectConfirmationData), Recipient,
 * audience (core §2.5.1.4: every AudienceRestriction names us, compared exactly) and the
 * connection's own clock skew. Returns the first problem, or null.
 */
export function checkVerifiedResponse(response: VerifiedSamlResponse, expected: ResponseExpectations): ResponseProblem | null {
  if (response.statusCode && response.statusCode !== SUCCESS) {
    return { code: "idp_status_error", message: `The identity provider reported that the sign-in failed (status ${response.statusCode.split(":").pop()}).` };
  }
  if (!response.assertionId) return { code: "assertion_without_id", message: "The assertion has no ID." };
  const issuers = [response.issuer, response.response.issuer].filter((issuer): issuer is string => issuer !== null);
  if (!response.issuer || issuers.some((issuer) => issuer !== expected.idpEntityId)) {
    return {
      code: "wrong_issuer",
      message: `The response's issuer (${response.issuer ?? "none"}) is not this connection's identity provider (${expected.idpEntityId ?? "none"}).`,
    };
  }
  if (expected.requestId !== null) {
    const problem = checkInResponseTo(response, expected.requestId);
    if (problem) return problem;
  }
  if (response.subjectConfirmations.some((c) => c.recipient !== null && c.recipient !== expected.acsUrl)) {
    return { code: "wrong_recipient", message: `The assertion is addressed to another service (Recipient is not ${expected.acsUrl}).` };
  }
  return checkAudience(response, expected.spEntityId) ?? checkTimeWindow(response, expected);
}

function checkAudience(response: VerifiedSamlResponse, spEntityId: string): ResponseProblem | null {
  // An assertion without an audience could be meant for any service that trusts this IdP.
  if (response.audienceRestrictions.length === 0)
    return { code: "wrong_audience", message: "The assertion names no audience, so it may be meant for another service." };
  if (response.audienceRestrictions.some((audiences) => !audiences.includes(spEntityId))) {
    return { code: "wrong_audience", message: `The assertion is for another service (its audience is not ${spEntityId}).` };
  }
  return null;
}

function checkInResponseTo(response: VerifiedSamlResponse, requestId: string): ResponseProblem | null {
  const signedAnswers = response.subjectConfirmations.map((c) => c.inResponseTo);
  if (response.response.signed) signedAnswers.push(response.response.inResponseTo);
  const present = [...signedAnswers, response.response.inResponseTo].filter((id): id is string => id !== null);
  if (present.some((id) => id !== requestId)) {
    return { code: "in_response_to_mismatch", message: "The response answers another sign-in request (InResponseTo does not match), so it may be a replay." };
  }
  if (!signedAnswers.some((id) => id === requestId)) {
    return { code: "in_response_to_missing", message: "The signed part of the response does not say which sign-in request it answers (no InResponseTo)." };
  }
  return null;
}

function checkTimeWindow(response: VerifiedSamlResponse, expected: ResponseExpectations): ResponseProblem | null {
  const skewMs = expected.clockSkewSeconds * 1000;
  const now = expected.now.getTime();
  const at = expected.now.toISOString();
  if (response.notBefore && now < response.notBefore.getTime() - skewMs) {
    return {
      code: "not_yet_valid",
      message: `The assertion is not yet valid (NotBefore ${response.notBefore.toISOString()}, now ${at}, allowed clock skew ${expected.clockSkewSeconds} s).`,
    };
  }
  const ends = [response.notOnOrAfter, ...response.subjectConfirmations.map((c) => c.notOnOrAfter)].filter((d): d is Date => d !== null);
  const expired = ends.find((end) => now >= end.getTime() + skewMs);
  if (expired) {
    return {
      code: "expired",
      message: `The assertion is expired (NotOnOrAfter ${expired.toISOString()}, now ${at}, allowed clock skew ${expected.clockSkewSeconds} s).`,
    };
  }
  return null;
}

/** The latest moment the assertion could still be accepted: how long its ID must be remembered. */
export function acceptableUntil(response: VerifiedSamlResponse, clockSkewSeconds: number): Date | null {
  const ends = [response.notOnOrAfter, ...response.subjectConfirmations.map((c) => c.notOnOrAfter)].filter((d): d is Date => d !== null);
  if (ends.length === 0) return null;
  return new Date(Math.min(...ends.map((d) => d.getTime())) + clockSkewSeconds * 1000);
}
