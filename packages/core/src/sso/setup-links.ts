import {
  accounts,
  and,
  auditEvents,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  memberships,
  ssoConnections,
  ssoSetupLinks,
  sql,
  users,
  type SsoSetupLink,
} from "@gatehouse/db";
import { ssoSetupLinkEmail, ssoSetupReadyEmail } from "@gatehouse/email";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { isEmailShaped, normaliseEmail } from "../email-address";
import { type Result, fail, ok } from "../result";
import { isAccountAdmin } from "../team";
import { generateToken, hashToken } from "../tokens";
import { actorDisplayName, findUserByEmail } from "../users";
import { setupLinkScopeOf, setupLinkState, type SetupLinkScope } from "./setup-link-access";

export const SETUP_LINK_LIFETIME_DAYS = 7;
const ADMINS_ONLY = "Only account admins can manage setup links.";

/** Everything a setup-link visitor does is recorded under them, e.g. "ops@acme.test via setup link". */
export const setupLinkActorLabel = (email: string) => `${email} via setup link`;

export function setupLinkActor(link: Pick<SsoSetupLink, "id" | "accountId" | "email">, ip: string | null): Actor {
  return { userId: null, label: setupLinkActorLabel(link.email), ip, adminOfAccountId: link.accountId, viaSetupLinkId: link.id };
}

const setupUrl = (ctx: Pick<CoreContext, "appUrl">, token: string) => `${ctx.appUrl}/setup-link/${encodeURIComponent(token)}`;

async function sendLinkEmail(
  ctx: CoreContext,
  input: { accountName: string; email: string; token: string; expiresAt: Date; actor: Actor; scope: readonly SetupLinkScope[] },
) {
  const rendered = ssoSetupLinkEmail({
    accountName: input.accountName,
    covers: input.scope,
    adminName: await actorDisplayName(ctx.db, input.actor),
    setupUrl: setupUrl(ctx, input.token),
    expiresAt: input.expiresAt,
  });
  await ctx.mailer.send({ ...rendered, to: input.email, template: "sso_setup_link" });
}

/**
 * Creates a setup link for someone outside the account and emails it; a second link to the same
 * address replaces the first. `scope` is what else it opens ("domains", "scim"); SSO always.
 */
export async function createSetupLink(
  ctx: CoreContext,
  input: { accountId: string; email: string; actor: Actor; scope?: readonly string[] },
): Promise<Result<{ linkId: string; email: string; scope: SetupLinkScope[] }>> {
  const scope = setupLinkScopeOf(input.scope ?? []);
  const email = normaliseEmail(input.email);
  if (!isEmailShaped(email)) return fail("Enter a valid email address, like it@company.com.");
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor)) || input.actor.viaSetupLinkId) return fail(ADMINS_ONLY);
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return fail("This account no longer exists.");
  const user = await findUserByEmail(ctx.db, email);
  if (user) {
    const [member] = await ctx.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, user.id)))
      .limit(1);
    if (member) return fail(`${email} is already a member of ${account.name}. Make them an admin on the Team page instead of sending a setup link.`);
  }
  const token = generateToken();
  const now = nowOf(ctx);
  const expiresAt = new Date(now.getTime() + SETUP_LINK_LIFETIME_DAYS * 86_400_000);
  const linkId = await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoSetupLinks)
      .set({ revokedAt: now })
      .where(and(eq(ssoSetupLinks.accountId, input.accountId), eq(ssoSetupLinks.email, email), isNull(ssoSetupLinks.revokedAt)));
    const [row] = await tx
      .insert(ssoSetupLinks)
      .values({ accountId: input.accountId, email, scope, tokenHash: hashToken(token), createdByUserId: input.actor.userId, createdAt: now, expiresAt })
      .returning({ id: ssoSetupLinks.id });
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.setup_link_created",
      target: { type: "setup_link", id: row!.id, label: email },
      metadata: { expiresAt: expiresAt.toISOString(), scope },
    });
    return row!.id;
  });
  await sendLinkEmail(ctx, { accountName: account.name, email, token, expiresAt, actor: input.actor, scope });
  return ok({ linkId, email, scope });
}

async function linkOfAccount(ctx: Pick<CoreContext, "db">, accountId: string, linkId: string) {
  const [link] = await ctx.db
    .select()
    .from(ssoSetupLinks)
    .where(and(eq(ssoSetupLinks.id, linkId), eq(ssoSetupLinks.accountId, accountId)))
    .limit(1);
  return link ?? null;
}

/** Re-sends a link: a fresh token (the old email's link stops working) and a fresh lifetime. */
export async function resendSetupLink(ctx: CoreContext, input: { accountId: string; linkId: string; actor: Actor }): Promise<Result<{ email: string }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor)) || input.actor.viaSetupLinkId) return fail(ADMINS_ONLY);
  const link = await linkOfAccount(ctx, input.accountId, input.linkId);
  if (!link) return fail("That setup link no longer exists.");
  if (link.revokedAt) return fail(`The link for ${link.email} was revoked. Create a new one instead.`);
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  const token = generateToken();
  const expiresAt = new Date(nowOf(ctx).getTime() + SETUP_LINK_LIFETIME_DAYS * 86_400_000);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoSetupLinks)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(eq(ssoSetupLinks.id, link.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.setup_link_resent",
      target: { type: "setup_link", id: link.id, label: link.email },
      metadata: { expiresAt: expiresAt.toISOString() },
    });
  });
  await sendLinkEmail(ctx, { accountName: account?.name ?? "your account", email: link.email, token, expiresAt, actor: input.actor, scope: link.scope });
  return ok({ email: link.email });
}

export async function revokeSetupLink(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { accountId: string; linkId: string; actor: Actor },
): Promise<Result<{ email: string }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor)) || input.actor.viaSetupLinkId) return fail(ADMINS_ONLY);
  const link = await linkOfAccount(ctx, input.accountId, input.linkId);
  if (!link) return fail("That setup link no longer exists.");
  if (link.revokedAt) return ok({ email: link.email });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoSetupLinks)
      .set({ revokedAt: nowOf(ctx) })
      .where(eq(ssoSetupLinks.id, link.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.setup_link_revoked",
      target: { type: "setup_link", id: link.id, label: link.email },
    });
  });
  return ok({ email: link.email });
}

export type SsoSetupLinkRecord = SsoSetupLink;
export type OpenedSetupLink = { link: SsoSetupLink; accountName: string };
export type SetupLinkRefusal = "unknown" | "expired" | "revoked";

/** The link behind a token, if it still opens the setup. */
export async function resolveSetupLink(
  ctx: Pick<CoreContext, "db" | "now">,
  token: string,
): Promise<{ ok: true; value: OpenedSetupLink } | { ok: false; error: SetupLinkRefusal; link: SsoSetupLink | null }> {
  if (!token || token.length > 200) return { ok: false, error: "unknown", link: null };
  const [row] = await ctx.db
    .select({ link: ssoSetupLinks, accountName: accounts.name })
    .from(ssoSetupLinks)
    .innerJoin(accounts, eq(accounts.id, ssoSetupLinks.accountId))
    .where(eq(ssoSetupLinks.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { ok: false, error: "unknown", link: null };
  const state = setupLinkState(row.link, nowOf(ctx));
  if (state !== "usable") return { ok: false, error: state, link: row.link };
  return { ok: true, value: row };
}

/** Who sent a setup link, as its pages name them: the admin's name, else their email; null once they are gone. */
export async function setupLinkSenderName(ctx: Pick<CoreContext, "db">, link: Pick<SsoSetupLink, "createdByUserId">): Promise<string | null> {
  if (!link.createdByUserId) return null;
  const [sender] = await ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, link.createdByUserId)).limit(1);
  return sender ? sender.name.trim() || sender.email : null;
}

/** The recipient follows the link from their email: the first opening is the first progress step. */
export async function openSetupLink(ctx: Pick<CoreContext, "db" | "now">, input: { token: string; ip: string | null }) {
  const resolved = await resolveSetupLink(ctx, input.token);
  if (!resolved.ok) {
    if (resolved.link) {
      const link = resolved.link;
      await recordAuditEvent(ctx.db, {
        accountId: link.accountId,
        actor: setupLinkActor(link, input.ip),
        action: "sso.setup_link_refused",
        target: { type: "setup_link", id: link.id, label: link.email },
        metadata: { reason: resolved.error },
      });
    }
    return resolved;
  }
  const { link } = resolved.value;
  if (!link.openedAt) {
    const opened = await ctx.db
      .update(ssoSetupLinks)
      .set({ openedAt: nowOf(ctx) })
      .where(and(eq(ssoSetupLinks.id, link.id), isNull(ssoSetupLinks.openedAt)))
      .returning({ id: ssoSetupLinks.id });
    if (opened.length > 0) {
      await recordAuditEvent(ctx.db, {
        accountId: link.accountId,
        actor: setupLinkActor(link, input.ip),
        action: "sso.setup_link_opened",
        target: { type: "setup_link", id: link.id, label: link.email },
      });
    }
  }
  return resolved;
}

export type SetupLinkProgress = {
  opened: boolean;
  connectionSaved: boolean;
  testPassed: boolean;
  authenticated: boolean;
  /** Null when the link does not cover domains (or SCIM): nothing to show. */
  domainVerified: boolean | null;
  scimTokenCreated: boolean | null;
};
export type SetupLinkRow = {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  scope: SetupLinkScope[];
  state: ReturnType<typeof setupLinkState>;
  progress: SetupLinkProgress;
};

const SAVED = ["sso.connection.created", "sso.connection.updated"];
const SCIM_TOKEN_CREATED = ["scim.enabled", "scim.token_rotated"];

/** The account's setup links with how far each got, from what was recorded under its recipient and the connections they saved. */
export async function listSetupLinks(ctx: Pick<CoreContext, "db" | "now">, accountId: string): Promise<SetupLinkRow[]> {
  const links = await ctx.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.accountId, accountId)).orderBy(desc(ssoSetupLinks.createdAt)).limit(50);
  const now = nowOf(ctx);
  return Promise.all(
    links.map(async (link) => {
      const events = await ctx.db
        .select({ action: auditEvents.action, targetId: auditEvents.targetId, metadata: auditEvents.metadata })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.accountId, accountId),
            eq(auditEvents.actorLabel, setupLinkActorLabel(link.email)),
            gte(auditEvents.createdAt, link.createdAt),
            inArray(auditEvents.action, [...SAVED, "sso.connection.test_passed", "sso.authenticate.succeeded", "domain.checked", ...SCIM_TOKEN_CREATED]),
          ),
        );
      const connectionIds = [
        ...new Set(
          events
            .filter((e) => e.action.startsWith("sso."))
            .map((e) => e.targetId)
            .filter((id): id is string => id !== null),
        ),
      ];
      const verified = connectionIds.length
        ? await ctx.db
            .select({ id: ssoConnections.id })
            .from(ssoConnections)
            .where(and(eq(ssoConnections.accountId, accountId), inArray(ssoConnections.id, connectionIds), sql`${ssoConnections.verifiedAt} is not null`))
        : [];
      return {
        id: link.id,
        email: link.email,
        createdAt: link.createdAt,
        expiresAt: link.expiresAt,
        scope: link.scope,
        state: setupLinkState(link, now),
        progress: {
          opened: link.openedAt !== null,
          connectionSaved: events.some((e) => SAVED.includes(e.action)),
          testPassed: events.some((e) => e.action === "sso.connection.test_passed"),
          authenticated: events.some((e) => e.action === "sso.authenticate.succeeded") || verified.length > 0,
          domainVerified: link.scope.includes("domains") ? events.some((e) => e.action === "domain.checked" && e.metadata.to === "verified") : null,
          scimTokenCreated: link.scope.includes("scim") ? events.some((e) => SCIM_TOKEN_CREATED.includes(e.action)) : null,
        },
      };
    }),
  );
}

/**
 * The recipient's Authenticate passed: tell the admin who sent the link, once, that the connection
 * is ready to switch on (which stays with the account's admins).
 */
export async function notifySetupLinkReady(ctx: CoreContext, input: { linkId: string; connectionId: string; connectionName: string }): Promise<void> {
  const now = nowOf(ctx);
  const [claimed] = await ctx.db
    .update(ssoSetupLinks)
    .set({ readyNotifiedAt: now })
    .where(and(eq(ssoSetupLinks.id, input.linkId), isNull(ssoSetupLinks.readyNotifiedAt)))
    .returning({ accountId: ssoSetupLinks.accountId, email: ssoSetupLinks.email, createdByUserId: ssoSetupLinks.createdByUserId });
  if (!claimed?.createdByUserId) return;
  const [admin] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, claimed.createdByUserId)).limit(1);
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, claimed.accountId)).limit(1);
  if (!admin || !account) return;
  const rendered = ssoSetupReadyEmail({
    accountName: account.name,
    recipientEmail: claimed.email,
    connectionName: input.connectionName,
    connectionUrl: `${ctx.appUrl}/settings/security/${encodeURIComponent(input.connectionId)}`,
  });
  await ctx.mailer.send({ ...rendered, to: admin.email, template: "sso_setup_ready" });
}
