import {
  and,
  eq,
  memberships,
  ne,
  or,
  scimDirectories,
  scimUsers,
  ssoConnections,
  ssoIdentities,
  ssoResults,
  ssoSetupLinks,
  // The db package's drizzle class: this package resolves another drizzle-orm copy, so its instanceof would never match.
  TransactionRollbackError,
  users,
  type MemberRole,
  type SsoConnection,
  type SsoFlow,
  type SsoResultSummary,
  type SamlObservations,
} from "@gatehouse/db";
import {
  createSession,
  decideSetupLinkFlow,
  decideSsoSignIn,
  existingLoginRefusal,
  explainSsoError,
  findPlusAddressedMember,
  findUserByEmail,
  getMemberRole,
  identityKeyOf,
  isEmailOnVerifiedDomain,
  mapProfile,
  recordAuditEvent,
  ROLE_LABELS,
  setupLinkActor,
  setupLinkActorLabel,
  type Actor,
  type IdentityKey,
  type MappedProfile,
} from "@gatehouse/core";
import type { SsoContext } from "../context";
import { completeTestRequest, testRequestEmail } from "../connections/send-test-email";
import { sendSignInVerification } from "./email-verification";
import { linkIdentity, linkedUserOf } from "./link-identity";

export type RequestInfo = {
  ip: string | null;
  userAgent: string | null;
  /** The browser's "remember this device" token, for sign-ins that owe our MFA step (login providers). */
  rememberedDeviceToken?: string | null;
};

export type FlowOutcome =
  /** `email` and `connectionId` let the browser remember its last SSO choice (not secrets). */
  | { kind: "signed_in"; sessionId: string; redirectTo: string; email?: string; connectionId?: string }
  | { kind: "verification_sent"; email: string }
  /** `code` names the refusal for pages that show fixed texts (never the message from a URL). */
  | { kind: "refused"; code?: string; message: string; advice: string }
  /** `setupLinkId`: an Authenticate run through that setup link (its recipient goes back to /setup). */
  | {
      kind: "result_recorded";
      purpose: "authenticate" | "test_email";
      connectionId: string;
      connectionName: string;
      ok: boolean;
      summary: SsoResultSummary;
      setupLinkId?: string;
    };

const displayNameOf = (p: MappedProfile) => p.displayName ?? ([p.firstName, p.lastName].filter(Boolean).join(" ") || null);

/** Claims worth keeping for the mapping preview: small values only, no tokens. */
function keepableClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claims)
      .filter(([k, v]) => !/token/i.test(k) && JSON.stringify(v ?? null).length <= 500)
      .slice(0, 60),
  );
}

/** JSON with object keys sorted: jsonb does not keep key order, so compare in this form. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * What happens once the IdP has vouched for someone (or failed to): for a sign-in, a session or a
 * clear refusal; for Authenticate and test sign-ins, a result the admin sees. Every outcome is
 * audited with its reason.
 */
export async function finishSignIn(
  ctx: SsoContext,
  input: {
    flow: Pick<SsoFlow, "purpose" | "actorUserId" | "testId" | "callbackUrl"> &
      Partial<Pick<SsoFlow, "setupLinkId">> & { observations: SamlObservations | null };
    connection: SsoConnection;
    claims: Record<string, unknown> | null;
    /** Set when the IdP or the protocol checks refused before any claims came back. */
    failure?: string;
    request: RequestInfo;
    /** The person just clicked our verification link for this identity and email. */
    emailJustProven?: boolean;
  },
): Promise<FlowOutcome> {
  const { flow, connection, claims, request } = input;
  const now = new Date();
  // A flow started through a setup link only ever proves the settings for its recipient.
  const setupLink = flow.setupLinkId ? await loadSetupLink(ctx, flow.setupLinkId) : null;
  if (flow.setupLinkId) {
    const allowed = decideSetupLinkFlow({ purpose: flow.purpose, link: setupLink, connectionAccountId: connection.accountId, now });
    if (!allowed.allowed) {
      await recordAuditEvent(ctx.db, {
        accountId: connection.accountId,
        actor: setupLink ? setupLinkActor(setupLink, request.ip) : { userId: null, label: "unknown", ip: request.ip },
        action: "sso.setup_link_authenticate_refused",
        target: { type: "sso_connection", id: connection.id, label: connection.name },
        metadata: { reason: allowed.refusal.code, purpose: flow.purpose },
      });
      return { kind: "refused", ...allowed.refusal };
    }
  }
  const profile = claims ? mapProfile(claims, connection.attributeMapping) : null;
  const key = claims
    ? identityKeyOf({ provider: connection.provider, claims, connectionIssuer: connection.provider === "saml" ? connection.idpEntityId : connection.issuer })
    : null;
  const actorEmail = setupLink
    ? setupLink.email
    : flow.actorUserId
      ? ((await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, flow.actorUserId)).limit(1))[0]?.email ?? null)
      : null;
  const expectedEmail = flow.purpose === "authenticate" ? actorEmail : flow.purpose === "test_email" ? await testedEmail(ctx, flow.testId) : null;
  // A test whose person cannot be found fails rather than skipping the email check.
  // Failures we state ourselves, already in words a person can act on.
  const ownFailure = flow.purpose !== "sign_in" && !expectedEmail ? TESTED_PERSON_GONE : claims && !key ? NO_SUBJECT : null;
  const rawFailure = input.failure;

  let decision: ReturnType<typeof decideSsoSignIn> | null = null;
  let memberLabel: string | null = null;
  let identity: SsoIdentity | null = null;
  if (profile && key) {
    const known = await loadIdentityFacts(ctx, connection, key, profile.email);
    identity = known.identity;
    memberLabel = setupLink ? SETUP_LINK_RECIPIENT : known.memberLabel;
    decision = decideSsoSignIn({
      purpose: flow.purpose,
      connection,
      profile,
      identity: known.facts,
      expectedEmail,
      emailOnVerifiedDomain: known.emailOnVerifiedDomain,
      emailProvenBefore: Boolean(input.emailJustProven || (identity?.emailProvenAt && identity.email === profile.email)),
      bySetupLinkRecipient: setupLink !== null,
    });
    // The connection row is shared by every sign-in through it: rewrite it only when the claims changed.
    const lastClaims = keepableClaims(claims!);
    if (canonicalJson(lastClaims) !== canonicalJson(connection.lastClaims ?? null)) {
      await ctx.db.update(ssoConnections).set({ lastClaims }).where(eq(ssoConnections.id, connection.id));
    }
  }

  // The raw text is for operators only: people and the audit log get the explanation.
  if (rawFailure) console.warn(`[sso] ${flow.purpose} through connection ${connection.id} failed: ${rawFailure.slice(0, 500)}`);
  const failure = rawFailure
    ? explainSsoError(rawFailure)
    : ownFailure
      ? ownFailure
      : decision?.outcome === "refuse"
        ? decision.refusal
        : !profile
          ? explainSsoError("no profile")
          : null;
  const ok = !failure && decision !== null;
  if (ok && flow.observations?.certificateFingerprint) await markCertificateVerified(ctx, connection, flow.observations.certificateFingerprint, now);

  if (flow.purpose !== "sign_in") {
    const summary: SsoResultSummary = {
      at: now.toISOString(),
      ok,
      purpose: flow.purpose,
      email: profile?.email ?? null,
      name: profile ? displayNameOf(profile) : null,
      memberLabel,
      reason: failure?.message ?? null,
      advice: failure?.advice ?? null,
      clockOffsetSeconds: flow.observations?.clockOffsetSeconds ?? null,
      byUserEmail: setupLink ? setupLinkActorLabel(setupLink.email) : flow.purpose === "authenticate" ? actorEmail : expectedEmail,
    };
    const actor: Actor = setupLink
      ? setupLinkActor(setupLink, request.ip)
      : { userId: flow.actorUserId, label: summary.byUserEmail ?? "unknown", ip: request.ip };
    await ctx.db.transaction(async (tx) => {
      await tx.insert(ssoResults).values({ connectionId: connection.id, summary });
      await tx
        .update(ssoConnections)
        .set({ lastResult: summary, ...(ok ? { verifiedAt: now } : {}) })
        .where(eq(ssoConnections.id, connection.id));
      await recordAuditEvent(tx, {
        accountId: connection.accountId,
        actor,
        action:
          flow.purpose === "authenticate" ? (ok ? "sso.authenticate.succeeded" : "sso.authenticate.failed") : ok ? "sso.test.succeeded" : "sso.test.failed",
        target: { type: "sso_connection", id: connection.id, label: connection.name },
        metadata: { email: summary.email, reason: summary.reason },
      });
    });
    if (flow.purpose === "test_email" && ok) await completeTestRequest(ctx, flow.testId);
    return {
      kind: "result_recorded",
      purpose: flow.purpose,
      connectionId: connection.id,
      connectionName: connection.name,
      ok,
      summary,
      ...(setupLink ? { setupLinkId: setupLink.id } : {}),
    };
  }

  const auditBase = { accountId: connection.accountId, target: { type: "sso_connection", id: connection.id, label: connection.name } } as const;
  if (failure || !decision || !profile || !key) {
    const reason = failure ?? explainSsoError("no profile");
    const code = decision?.outcome === "refuse" ? decision.refusal.code : ownFailure === NO_SUBJECT ? "no_subject" : "idp_error";
    // The audit log gets the explained reason, never raw exception text.
    await recordAuditEvent(ctx.db, {
      ...auditBase,
      actor: { userId: null, label: profile?.email ?? "unknown", ip: request.ip },
      action: "sign_in.sso.refused",
      metadata: { reason: reason.message, code, ...(key ? { subject: key.subject } : {}) },
    });
    return { kind: "refused", code, message: reason.message, advice: reason.advice };
  }
  const email = profile.email!;
  if (decision.outcome === "verify_email") {
    await sendSignInVerification(ctx, { connection, subject: key.subject, email, claims: claims!, callbackUrl: flow.callbackUrl });
    await recordAuditEvent(ctx.db, { ...auditBase, actor: { userId: null, label: email, ip: request.ip }, action: "sign_in.sso.verification_sent" });
    return { kind: "verification_sent", email };
  }

  // Only a setup link's Authenticate proves settings without a member, and it returned above.
  if (decision.outcome === "settings_proven")
    return {
      kind: "refused",
      code: "setup_link_flow",
      message: "A setup link cannot sign anyone in.",
      advice: "Sign in from the login page with your own account.",
    };
  if (decision.outcome === "refuse")
    return { kind: "refused", code: decision.refusal.code, message: decision.refusal.message, advice: decision.refusal.advice };
  const userId =
    decision.outcome === "sign_in"
      ? await joinIfLinkedThroughDomain(ctx, connection, decision, email, request)
      : decision.outcome === "rejoin"
        ? await rejoinMember(ctx, connection, decision.userId, email, decision.role, request)
        : await provisionMember(ctx, connection, profile, decision.role, { key, emailProvenAt: input.emailJustProven ? now : null }, request);
  // A first sign-in links the identity (idempotently: a concurrent first sign-in of the same
  // person may have linked it a moment ago); a link that points elsewhere is never moved.
  const linkedTo = identity
    ? identity.userId
    : userId
      ? await linkIdentity(ctx.db, {
          connectionId: connection.id,
          key,
          userId,
          email,
          emailProvenAt: input.emailJustProven ? now : null,
          now,
        })
      : null;
  if (!userId || linkedTo !== userId) {
    // Someone took this email between the decision and the insert: never attach to them.
    const { code, message, advice } = existingLoginRefusal(email);
    await recordAuditEvent(ctx.db, {
      ...auditBase,
      actor: { userId: null, label: email, ip: request.ip },
      action: "sign_in.sso.refused",
      metadata: { reason: message, code, subject: key.subject },
    });
    return { kind: "refused", code, message, advice };
  }
  const [sessionId] = await Promise.all([
    createSession(ctx, {
      userId,
      method: "sso",
      accountId: connection.accountId,
      connectionId: connection.id,
      ip: request.ip,
      userAgent: request.userAgent,
    }),
    recordAuditEvent(ctx.db, {
      ...auditBase,
      actor: { userId, label: email, ip: request.ip },
      action: "sign_in.sso.succeeded",
      metadata: { provisioned: decision.outcome === "provision", linked: decision.outcome === "sign_in" && decision.link, subject: key.subject },
    }),
    // A known identity notes this sign-in beside the session's creation (its link never moves).
    identity ? touchIdentity(ctx, identity.id, { email, emailJustProven: Boolean(input.emailJustProven), now }) : null,
  ]);
  return { kind: "signed_in", sessionId, redirectTo: flow.callbackUrl ?? "/", email, connectionId: connection.id };
}

const SETUP_LINK_RECIPIENT = "The setup link's recipient (not a member of this account)";

async function loadSetupLink(ctx: SsoContext, linkId: string) {
  const [link] = await ctx.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.id, linkId)).limit(1);
  return link ?? null;
}

const NO_SUBJECT = {
  message: "The identity provider sent no subject (OIDC `sub`, SAML NameID), so Gatehouse cannot tell who this is.",
  advice: "Configure the IdP to send a stable subject: OIDC always sends `sub`; for SAML, send a persistent NameID.",
};
// A test whose person cannot be found fails rather than skipping the email check.
const TESTED_PERSON_GONE = { message: "The person this test was for is no longer known: send a new test.", advice: "Send a new test sign-in by email." };

type SsoIdentity = typeof ssoIdentities.$inferSelect;

/**
 * What the linking rules need: the identity's own link (by issuer + subject), and the user the
 * email names with whether another subject of this connection already signs them in.
 */
async function loadIdentityFacts(ctx: SsoContext, connection: SsoConnection, key: IdentityKey, email: string | null) {
  // Independent lookups go out together: a sign-in waits for two round trips here, not five.
  const [[identity], user, emailOnVerifiedDomain] = await Promise.all([
    ctx.db
      .select()
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.connectionId, connection.id), eq(ssoIdentities.issuer, key.issuer), eq(ssoIdentities.subject, key.subject)))
      .limit(1),
    // Google delivers ami+cio@ to ami@, so there the asserted address also reaches a member's
    // plus-addressed form; every other provider matches exactly.
    email
      ? findUserByEmail(ctx.db, email).then(
          (found) => found ?? findPlusAddressedMember(ctx.db, { accountId: connection.accountId, provider: connection.provider, email }),
        )
      : null,
    email ? isEmailOnVerifiedDomain(ctx.db, connection.accountId, email) : false,
  ]);
  // The account's own SCIM directory vouches for its users by externalId, which Okta (and a
  // directory set up so) fills with the IdP subject: that links before any email matching.
  const linkedUserId = identity?.userId ?? (await findScimUserBySubject(ctx, connection.id, key.subject));
  const roleOf = (userId: string | null | undefined) => (userId ? getMemberRole(ctx.db, connection.accountId, userId) : null);
  // Usually the email names the linked user: one role lookup serves both.
  const isLinkedUser = Boolean(user && user.id === linkedUserId);
  const [linkedRole, otherRole, otherLink] = await Promise.all([
    roleOf(linkedUserId),
    isLinkedUser ? null : roleOf(user?.id),
    user && !isLinkedUser
      ? ctx.db
          .select({ id: ssoIdentities.id })
          .from(ssoIdentities)
          // The same subject linked a moment ago by a concurrent first sign-in is this identity, not another.
          .where(
            and(
              eq(ssoIdentities.connectionId, connection.id),
              eq(ssoIdentities.userId, user.id),
              or(ne(ssoIdentities.issuer, key.issuer), ne(ssoIdentities.subject, key.subject)),
            ),
          )
          .limit(1)
          .then((rows) => rows[0])
      : undefined,
  ]);
  const role = isLinkedUser ? linkedRole : otherRole;
  return {
    emailOnVerifiedDomain,
    identity: identity ?? null,
    memberLabel:
      user && role
        ? `${user.name || user.email} (${ROLE_LABELS[role]})`
        : user
          ? "A login exists with this email, but not in this account"
          : "No member of this account has this email",
    facts: {
      linkedUser: linkedUserId ? { userId: linkedUserId, isMember: linkedRole !== null } : null,
      userWithEmail: user ? { userId: user.id, isMember: role !== null, linkedToOtherSubject: Boolean(otherLink) } : null,
    },
  };
}

async function findScimUserBySubject(ctx: SsoContext, connectionId: string, subject: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ userId: scimUsers.userId })
    .from(scimUsers)
    .innerJoin(scimDirectories, eq(scimDirectories.id, scimUsers.directoryId))
    .where(and(eq(scimDirectories.connectionId, connectionId), eq(scimUsers.externalId, subject), eq(scimUsers.active, true)))
    .limit(1);
  return row?.userId ?? null;
}

/** A known identity's sign-in: its latest email, when, and whether this sign-in proved the email. */
async function touchIdentity(ctx: SsoContext, identityId: string, input: { email: string; emailJustProven: boolean; now: Date }): Promise<void> {
  await ctx.db
    .update(ssoIdentities)
    .set({ email: input.email, lastSignInAt: input.now, ...(input.emailJustProven ? { emailProvenAt: input.now } : {}) })
    .where(eq(ssoIdentities.id, identityId));
}

function testedEmail(ctx: SsoContext, testId: string | null): Promise<string | null> {
  return testRequestEmail(ctx, testId);
}

/**
 * Just-in-time provisioning creates a new user, their membership and the identity's link in one
 * transaction. An email that already has a login is never attached here (returns null): the
 * linking rules refused it, or someone took it since; unless that someone is a concurrent first
 * sign-in of this same identity, whose user this one then signs in as.
 */
async function provisionMember(
  ctx: SsoContext,
  connection: SsoConnection,
  profile: MappedProfile,
  role: MemberRole,
  identity: { key: IdentityKey; emailProvenAt: Date | null },
  request: RequestInfo,
): Promise<string | null> {
  const email = profile.email!;
  let winner: string | null = null;
  return ctx.db
    .transaction(async (tx) => {
      // A concurrent provisioning of this email holds the row until it commits; this insert waits
      // for it, and the next statement sees its identity link.
      const [user] = await tx
        .insert(users)
        .values({ email, name: displayNameOf(profile) ?? "", emailVerifiedAt: new Date() })
        .onConflictDoNothing()
        .returning();
      if (!user) return linkedUserOf(tx, connection.id, identity.key);
      await tx.insert(memberships).values({ accountId: connection.accountId, userId: user.id, role, source: "jit" }).onConflictDoNothing();
      const linkedTo = await linkIdentity(tx, {
        connectionId: connection.id,
        key: identity.key,
        userId: user.id,
        email,
        emailProvenAt: identity.emailProvenAt,
        now: new Date(),
      });
      // The subject was linked to someone else a moment ago: keep no stray user or membership.
      if (linkedTo !== user.id) {
        winner = linkedTo;
        tx.rollback();
      }
      await recordAuditEvent(tx, {
        accountId: connection.accountId,
        actor: { userId: user.id, label: email, ip: request.ip },
        action: "member.provisioned",
        target: { type: "user", id: user.id, label: email },
        metadata: { connectionId: connection.id, role },
      });
      return user.id;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return winner;
      throw error;
    });
}

/**
 * A first-time link of a user outside the account rests on the account's verified domain. With
 * JIT the connection may add people, so they become a member as a new user would; with "match"
 * they are signed in without the account and the domain's auto-join policy decides the rest.
 */
async function joinIfLinkedThroughDomain(
  ctx: SsoContext,
  connection: SsoConnection,
  decision: { userId: string; link: boolean },
  email: string,
  request: RequestInfo,
): Promise<string> {
  if (!decision.link || connection.provisioningMode !== "jit" || (await getMemberRole(ctx.db, connection.accountId, decision.userId))) return decision.userId;
  return rejoinMember(ctx, connection, decision.userId, email, connection.jitRole, request, { linkedThroughVerifiedDomain: true });
}

/** A known identity whose user had left the account comes back as a member (JIT). */
async function rejoinMember(
  ctx: SsoContext,
  connection: SsoConnection,
  userId: string,
  email: string,
  role: MemberRole,
  request: RequestInfo,
  why: Record<string, unknown> = { rejoined: true },
): Promise<string> {
  await ctx.db.transaction(async (tx) => {
    await tx.insert(memberships).values({ accountId: connection.accountId, userId, role, source: "jit" }).onConflictDoNothing();
    await recordAuditEvent(tx, {
      accountId: connection.accountId,
      actor: { userId, label: email, ip: request.ip },
      action: "member.provisioned",
      target: { type: "user", id: userId, label: email },
      metadata: { connectionId: connection.id, role, ...why },
    });
  });
  return userId;
}

const CERTIFICATE_VERIFIED_INTERVAL_MS = 60_000;

async function markCertificateVerified(ctx: SsoContext, connection: SsoConnection, fingerprint: string, now: Date): Promise<void> {
  const certificate = connection.certificates.find((c) => c.sha256Fingerprint === fingerprint);
  if (!certificate) return;
  // Every sign-in would rewrite the shared connection row; "last verified" to the minute is enough.
  const previous = certificate.lastVerifiedAt ? Date.parse(certificate.lastVerifiedAt) : Number.NaN;
  if (now.getTime() - previous < CERTIFICATE_VERIFIED_INTERVAL_MS && now.getTime() >= previous) return;
  const certificates = connection.certificates.map((c) => (c.sha256Fingerprint === fingerprint ? { ...c, lastVerifiedAt: now.toISOString() } : c));
  await ctx.db.update(ssoConnections).set({ certificates }).where(eq(ssoConnections.id, connection.id));
}
