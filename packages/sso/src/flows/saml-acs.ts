import { and, eq, lt, samlSeenIds, sql, ssoConnections, type Database, type SsoConnection } from "@gatehouse/db";
import { explainSsoError, recordAuditEvent, recordSecurityEvent } from "@gatehouse/core";
import { ssoUrls, type SsoContext } from "../context";
import { findConnectionByIssuer } from "../connections/find-connection-by-issuer";
import { getJackson } from "../jackson";
import { acceptableUntil, checkVerifiedResponse, type ResponseProblem } from "../saml/check-verified-response";
import { decryptAssertion } from "../saml/decrypt-assertion";
import { ACS_REFUSALS, explainResponseRefusal } from "../saml/explain-refusal";
import { consumeJacksonSamlSession, JACKSON_RELAY_PREFIX, jacksonSpPrivateKey, readJacksonSamlSession } from "../saml/jackson-internals";
import { readSamlClaims } from "../saml/read-saml-claims";
import { readUnverifiedIssuer } from "../saml/read-unverified-issuer";
import { readVerifiedSamlResponse, type VerifiedSamlResponse } from "../saml/read-verified-response";
import { finishSignIn, type FlowOutcome } from "./finish-sign-in";
import { holdSamlClaims, takeFlowAtAcs } from "./flow-state";

export type AcsOutcome =
  | { kind: "redirect"; url: string }
  /** An IdP-initiated response for a connection that allows it: start an SP-initiated sign-in. */
  | { kind: "restart"; connection: SsoConnection; relayState: string | null }
  /**
   * The browser that started the flow posted it (its ACS cookie): the sign-in finished here, in one
   * request. `startingSessionHash` names the session that browser held, whose grants carry over.
   */
  | { kind: "finished"; outcome: FlowOutcome; startingSessionHash: string | null }
  /** `code` names the refusal for pages that show fixed texts (never a message from a URL). */
  | { kind: "error"; code: string; message: string; advice: string };

type AcsInput = {
  samlResponse: string;
  relayState: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** The secret in the ACS cookie (SameSite=None, so a cross-site POST carries it), if the browser sent one. */
  browserSecret?: string | null;
};

const acsError = (code: keyof typeof ACS_REFUSALS): AcsOutcome => ({ kind: "error", code, ...ACS_REFUSALS[code] });
const NOT_OURS = acsError("saml_not_ours");

/**
 * The SAML ACS. The connection comes from the sign-in we started (Jackson's RelayState), never
 * from the document; the response must then verify against that connection's certificates
 * before anything in it is used or attributed to the account. Our checks (status, issuer,
 * InResponseTo, recipient, audience, clock skew, replay) read the signed assertion. When the
 * post carries the starting browser's ACS cookie the sign-in finishes here; otherwise its claims
 * wait on the flow for our callback, which the starting browser reaches with its SameSite=Lax
 * flow cookie (a browser that refuses SameSite=None cookies). Unsolicited responses are never
 * trusted: a connection that allows IdP-initiated sign-in gets a fresh SP-initiated one.
 */
export async function handleSamlAcs(ctx: SsoContext, input: AcsInput, now = new Date()): Promise<AcsOutcome> {
  const ip = input.ip ?? null;
  const jackson = await getJackson(ctx);
  const session = input.relayState?.startsWith(JACKSON_RELAY_PREFIX) ? await readJacksonSamlSession(jackson, input.relayState) : null;
  if (input.relayState?.startsWith(JACKSON_RELAY_PREFIX) && !session) {
    await logUnattributed(ctx, ip, "unknown_sign_in", null);
    return NOT_OURS;
  }
  const connection = session
    ? await samlConnectionById(ctx, session.connectionId)
    : await findConnectionByIssuer(ctx, readUnverifiedIssuer(input.samlResponse));
  if (!connection) {
    await logUnattributed(ctx, ip, session ? "connection_gone" : "unknown_issuer", null);
    return session ? NOT_OURS : acsError("saml_unknown_idp");
  }

  const privateKey = await jacksonSpPrivateKey();
  const read = readVerifiedSamlResponse(input.samlResponse, {
    trustedCertificatePems: connection.certificates.map((certificate) => certificate.pem),
    decryptAssertion: (xml) => decryptAssertion(xml, privateKey),
  });
  // Anyone can post a response naming any IdP: only a verified one is the account's business.
  if (!read.ok) {
    await logUnattributed(ctx, ip, read.code, connection.id);
    return { kind: "error", code: `saml_${read.code}`, ...explainResponseRefusal(read.code) };
  }
  const verified = read.value;
  const problem = checkVerifiedResponse(verified, {
    idpEntityId: connection.idpEntityId,
    spEntityId: ssoUrls(ctx.appUrl).spEntityId,
    acsUrl: ssoUrls(ctx.appUrl).samlAcsUrl,
    requestId: session?.requestId ?? null,
    clockSkewSeconds: connection.clockSkewSeconds,
    now,
  });

  if (!session) {
    if (problem) return refuseAtAcs(ctx, connection, ip, problem);
    // Only a connection members sign in with, proven by Authenticate, may be restarted from the IdP.
    if (!connection.idpInitiatedEnabled || !connection.enabled || !connection.verifiedAt) {
      await auditRefusal(ctx, connection, ip, "idp_initiated_disabled");
      return acsError("idp_initiated_off");
    }
    return { kind: "restart", connection, relayState: input.relayState };
  }

  // Refused before Jackson sees it: hand the refusal to our callback so the flow ends with it.
  if (problem) return session.flowState ? refusedFlow(ctx, session.flowState, problem.message) : refuseAtAcs(ctx, connection, ip, problem);

  if (!session.flowState) {
    await logUnattributed(ctx, ip, "unknown_sign_in", connection.id);
    return NOT_OURS;
  }
  const state = session.flowState;
  // Jackson's own ACS would verify the response a second time and mint a code for its token
  // endpoint. Ours has verified it against this connection's certificates and this flow, so the
  // sign-in's claims go onto the flow for the callback in the starting browser; Jackson's session
  // for the RelayState ends here, as its ACS would end it.
  const written = Promise.all([consumeJacksonSamlSession(jackson, input.relayState!), rememberIds(ctx, verified, connection.clockSkewSeconds, now)]);
  written.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
  // The claims are read while those two writes are on their way (CPU beside the round trips).
  const claims = await readSamlClaims(verified.assertionXml).catch(() => null);
  const [, replay] = await written;
  if (replay) return refusedFlow(ctx, state, replay);
  if (!claims) return refuseAtAcs(ctx, connection, ip, { code: "unreadable_attributes", message: "The assertion's attributes could not be read." });
  const observations = {
    clockOffsetSeconds: verified.issueInstant ? Math.round((now.getTime() - verified.issueInstant.getTime()) / 1000) : null,
    certificateFingerprint: verified.certificateFingerprint,
  };
  // The starting browser posted this itself: finish here, without the trip through our callback.
  const flow = input.browserSecret ? await takeFlowAtAcs(ctx, { state, connectionId: connection.id, browserSecret: input.browserSecret }) : null;
  if (flow) {
    const outcome = await finishSignIn(ctx, { flow: { ...flow, observations }, connection, claims, request: { ip, userAgent: input.userAgent ?? null } });
    return { kind: "finished", outcome, startingSessionHash: flow.startingSessionHash };
  }
  // Any other browser (or none) only leaves the claims on the flow: the callback must then come
  // from the starting browser with its flow cookie, or the sign-in goes nowhere (login CSRF).
  const held = await holdSamlClaims(ctx, state, claims, observations);
  // The flow already has its response (or is over): this one belongs to no sign-in in progress.
  if (!held) return NOT_OURS;
  const callback = new URL(ssoUrls(ctx.appUrl).samlCallbackUri);
  callback.searchParams.set("state", state);
  return { kind: "redirect", url: callback.toString() };
}

async function samlConnectionById(ctx: SsoContext, id: string): Promise<SsoConnection | undefined> {
  // Jackson's tenant is free text to it: only a uuid can be one of our connections.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [connection] = await ctx.db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, id), eq(ssoConnections.provider, "saml")))
    .limit(1);
  return connection;
}

/** Sends the browser to our SAML callback with the refusal, so the flow ends and is recorded there. */
function refusedFlow(ctx: SsoContext, state: string, reason: string): AcsOutcome {
  const refused = new URL(ssoUrls(ctx.appUrl).samlCallbackUri);
  refused.searchParams.set("error", "access_denied");
  refused.searchParams.set("error_description", reason);
  refused.searchParams.set("state", state);
  return { kind: "redirect", url: refused.toString() };
}

/** Keeps the signed assertion's ID (and the Response's, when signed) until it can no longer be accepted; seeing one again is a replay. */
async function rememberIds(ctx: SsoContext, verified: VerifiedSamlResponse, clockSkewSeconds: number, now: Date): Promise<string | null> {
  const ids = [verified.assertionId, verified.response.signed ? verified.response.id : null].filter((id): id is string => Boolean(id));
  const expiresAt = new Date(Math.max(acceptableUntil(verified, clockSkewSeconds)?.getTime() ?? 0, now.getTime() + 60 * 60_000));
  // Expired ids are pruned by a periodic sweep (pruneSamlSeenIds), not here: a DELETE per sign-in
  // cost a scan of the table. An expired id not yet pruned counts as unseen, as if it had been.
  if (ids.length === 0) return null;
  // One statement for both ids: a row comes back for each id not seen before (or seen but expired).
  const inserted = await ctx.db
    .insert(samlSeenIds)
    .values([...new Set(ids)].map((id) => ({ id, expiresAt })))
    .onConflictDoUpdate({ target: samlSeenIds.id, set: { expiresAt }, setWhere: lt(samlSeenIds.expiresAt, now) })
    .returning({ id: samlSeenIds.id });
  const fresh = new Set(inserted.map((row) => row.id));
  const replayed = ids.find((id) => !fresh.has(id));
  return replayed ? `This SAML response was already used (replayed ID ${replayed}).` : null;
}

/**
 * Deletes expired replay records in batches (each a short statement on the expires_at index), at
 * most `maxBatches` per call so one sweep never holds the table long. Returns how many went.
 */
export async function pruneSamlSeenIds(db: Database, now: Date, options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 100;
  let pruned = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await db.execute<{ id: string }>(
      sql`DELETE FROM saml_seen_ids WHERE id IN (SELECT id FROM saml_seen_ids WHERE expires_at < ${now.toISOString()}::timestamptz LIMIT ${batchSize} FOR UPDATE SKIP LOCKED) RETURNING id`,
    );
    const count = (deleted as unknown as unknown[]).length;
    pruned += count;
    if (count < batchSize) break;
  }
  return pruned;
}

/** A verified response we still refuse: the account's audit log gets the reason code, the person an explanation. */
async function refuseAtAcs(ctx: SsoContext, connection: SsoConnection, ip: string | null, problem: ResponseProblem): Promise<AcsOutcome> {
  await auditRefusal(ctx, connection, ip, problem.code);
  return { kind: "error", code: problem.code, ...explainSsoError(problem.message) };
}

async function auditRefusal(ctx: SsoContext, connection: SsoConnection, ip: string | null, reason: string): Promise<void> {
  await recordAuditEvent(ctx.db, {
    accountId: connection.accountId,
    actor: { userId: null, label: connection.idpEntityId ?? "IdP", ip },
    action: "sign_in.sso.refused",
    target: { type: "sso_connection", id: connection.id, label: connection.name },
    metadata: { reason, stage: "acs" },
  });
}

/** A response no signature vouches for goes to the deployment's security log, never to an account's. */
async function logUnattributed(ctx: SsoContext, ip: string | null, reason: string, connectionId: string | null): Promise<void> {
  await recordSecurityEvent(ctx.db, { kind: "saml.response_refused", ip, detail: { reason, ...(connectionId ? { connectionId } : {}) } });
}
