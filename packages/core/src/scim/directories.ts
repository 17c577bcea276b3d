import {
  and,
  desc,
  eq,
  isNull,
  scimDirectories,
  sql,
  scimRequestLog,
  scimTokens,
  ssoConnections,
  type Database,
  type MemberRole,
  type ScimDirectory,
} from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { fail, ok, type Result } from "../result";
import { isAccountAdmin } from "../team";
import { issueScimToken, listScimTokens, revokeScimToken, rotateScimToken, SCIM_TOKEN_GRACE_HOURS } from "./tokens";

/** The SCIM base URL an IdP is given for a directory (RFC 7644 §3: resources hang off it). */
export const scimBaseUrl = (appUrl: string, directoryId: string) => `${appUrl.replace(/\/$/, "")}/scim/v2/${directoryId}`;

export type ScimDirectoryInput = { accountId: string; connectionId: string; actor: Actor };

const ADMINS_ONLY = "Only account admins can manage SCIM provisioning.";
const NO_CONNECTION = "That connection no longer exists.";
const NOT_ENABLED = "SCIM is not switched on for this connection. Enable SCIM 2.0 first.";

/** The directory of one of the account's connections, or null (another account's connection included). */
export async function getScimDirectory(db: Database, accountId: string, connectionId: string): Promise<ScimDirectory | null> {
  const [row] = await db
    .select()
    .from(scimDirectories)
    .where(and(eq(scimDirectories.accountId, accountId), eq(scimDirectories.connectionId, connectionId)))
    .limit(1);
  return row ?? null;
}

/** Admin check plus "the connection is this account's": the guard of every console operation. */
async function authorise(db: Database, input: ScimDirectoryInput): Promise<Result<{ connectionName: string }>> {
  if (!(await isAccountAdmin(db, input.accountId, input.actor))) return fail(ADMINS_ONLY);
  const [connection] = await db
    .select({ name: ssoConnections.name })
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, input.connectionId), eq(ssoConnections.accountId, input.accountId)))
    .limit(1);
  return connection ? ok({ connectionName: connection.name }) : fail(NO_CONNECTION);
}

async function enabledDirectory(db: Database, input: ScimDirectoryInput): Promise<Result<ScimDirectory & { connectionName: string }>> {
  const allowed = await authorise(db, input);
  if (!allowed.ok) return allowed;
  const directory = await getScimDirectory(db, input.accountId, input.connectionId);
  if (!directory || !directory.enabled) return fail(NOT_ENABLED);
  return ok({ ...directory, connectionName: allowed.value.connectionName });
}

const target = (directory: { id: string }, connectionName: string) => ({ type: "scim_directory", id: directory.id, label: connectionName });

export type EnabledScim = { directoryId: string; baseUrl: string; token: string; prefix: string };

/**
 * Switches SCIM on for a connection: creates its directory (or re-enables a disabled one) and
 * issues the first token, which is returned here and never again.
 */
export async function enableScim(ctx: CoreContext, input: ScimDirectoryInput): Promise<Result<EnabledScim>> {
  const allowed = await authorise(ctx.db, input);
  if (!allowed.ok) return allowed;
  const existing = await getScimDirectory(ctx.db, input.accountId, input.connectionId);
  if (existing?.enabled) return fail("SCIM is already on for this connection. Rotate the token if you need a new one.");
  const result = await ctx.db.transaction(async (tx) => {
    const directory = existing
      ? (await tx.update(scimDirectories).set({ enabled: true }).where(eq(scimDirectories.id, existing.id)).returning())[0]!
      : (
          await tx
            .insert(scimDirectories)
            .values({ accountId: input.accountId, connectionId: input.connectionId, createdByUserId: input.actor.userId })
            .onConflictDoNothing()
            .returning()
        )[0];
    // A second admin enabling at the same moment: the unique connection key lets one through.
    if (!directory) return null;
    const issued = await issueScimToken(tx, directory.id);
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "scim.enabled",
      target: target(directory, allowed.value.connectionName),
      metadata: { tokenPrefix: issued.prefix, defaultRole: directory.defaultRole },
    });
    return { directoryId: directory.id, baseUrl: scimBaseUrl(ctx.appUrl, directory.id), token: issued.token, prefix: issued.prefix };
  });
  return result ? ok(result) : fail("SCIM was just switched on by someone else. Reload the page.");
}

/** Switches SCIM off: the directory stops answering and every token is revoked. Members stay. */
export async function disableScim(ctx: CoreContext, input: ScimDirectoryInput): Promise<Result<{ tokensRevoked: number }>> {
  const directory = await enabledDirectory(ctx.db, input);
  if (!directory.ok) return directory;
  const now = nowOf(ctx);
  const revoked = await ctx.db.transaction(async (tx) => {
    await tx.update(scimDirectories).set({ enabled: false }).where(eq(scimDirectories.id, directory.value.id));
    const rows = await tx
      .update(scimTokens)
      .set({ revokedAt: now })
      .where(and(eq(scimTokens.directoryId, directory.value.id), isNull(scimTokens.revokedAt)))
      .returning({ id: scimTokens.id });
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "scim.disabled",
      target: target(directory.value, directory.value.connectionName),
      metadata: { tokensRevoked: rows.length },
    });
    return rows.length;
  });
  return ok({ tokensRevoked: revoked });
}

/** The role new SCIM members get in this directory; existing members keep theirs. */
export async function setScimDefaultRole(ctx: CoreContext, input: ScimDirectoryInput & { role: MemberRole }): Promise<Result<void>> {
  const directory = await enabledDirectory(ctx.db, input);
  if (!directory.ok) return directory;
  if (directory.value.defaultRole === input.role) return ok(undefined);
  await ctx.db.transaction(async (tx) => {
    await tx.update(scimDirectories).set({ defaultRole: input.role }).where(eq(scimDirectories.id, directory.value.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "scim.default_role_changed",
      target: target(directory.value, directory.value.connectionName),
      metadata: { from: directory.value.defaultRole, to: input.role },
    });
  });
  return ok(undefined);
}

export type RotatedScimToken = { token: string; prefix: string; graceUntil: Date; graceHours: number };

/** A new token, returned once; the old ones keep working for SCIM_TOKEN_GRACE_HOURS. */
export async function rotateScimDirectoryToken(ctx: CoreContext, input: ScimDirectoryInput): Promise<Result<RotatedScimToken>> {
  const directory = await enabledDirectory(ctx.db, input);
  if (!directory.ok) return directory;
  const rotated = await rotateScimToken(ctx.db, directory.value.id, nowOf(ctx));
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "scim.token_rotated",
    target: target(directory.value, directory.value.connectionName),
    metadata: { tokenPrefix: rotated.prefix, previousTokensWorkUntil: rotated.graceUntil.toISOString() },
  });
  return ok({ token: rotated.token, prefix: rotated.prefix, graceUntil: rotated.graceUntil, graceHours: SCIM_TOKEN_GRACE_HOURS });
}

/** Stops one token at once (the IdP using it gets 401 from its next request). */
export async function revokeScimDirectoryToken(ctx: CoreContext, input: ScimDirectoryInput & { tokenId: string }): Promise<Result<{ prefix: string }>> {
  const directory = await enabledDirectory(ctx.db, input);
  if (!directory.ok) return directory;
  const [token] = await ctx.db
    .select({ prefix: scimTokens.prefix })
    .from(scimTokens)
    .where(and(eq(scimTokens.id, input.tokenId), eq(scimTokens.directoryId, directory.value.id)))
    .limit(1);
  if (!token) return fail("That token no longer exists. Reload the page.");
  if (!(await revokeScimToken(ctx.db, directory.value.id, input.tokenId, nowOf(ctx)))) return fail(`Token ${token.prefix}… was already revoked.`);
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "scim.token_revoked",
    target: target(directory.value, directory.value.connectionName),
    metadata: { tokenPrefix: token.prefix },
  });
  return ok({ prefix: token.prefix });
}

export type ScimTokenState = "active" | "grace" | "expired" | "revoked";

/** How the console describes a token: working, working until its grace end, or stopped. */
export function scimTokenState(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ScimTokenState {
  if (token.revokedAt) return "revoked";
  if (!token.expiresAt) return "active";
  return token.expiresAt.getTime() > now.getTime() ? "grace" : "expired";
}

/** The console's view of a connection's SCIM: the directory, its URL and its tokens (never secrets). */
export async function getScimConsoleView(ctx: Pick<CoreContext, "db" | "appUrl" | "now">, accountId: string, connectionId: string) {
  const directory = await getScimDirectory(ctx.db, accountId, connectionId);
  if (!directory) return null;
  const now = nowOf(ctx);
  const tokens = (await listScimTokens(ctx.db, directory.id)).map((t) => ({ ...t, state: scimTokenState(t, now) }));
  return { directory, baseUrl: scimBaseUrl(ctx.appUrl, directory.id), tokens };
}

/** The log keeps at most this many requests per directory (the API's sweep prunes the rest). */
export const SCIM_REQUEST_LOG_MAX = 1000;
export const SCIM_REQUEST_LOG_PAGE = 50;

export type ScimLogCursor = { at: Date; id: string };

/** Encodes a log position for a link ("older requests"); decodeScimLogCursor reads it back. */
export const encodeScimLogCursor = (c: ScimLogCursor) => `${c.at.toISOString()}_${c.id}`;
export function decodeScimLogCursor(value: unknown): ScimLogCursor | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)_([0-9a-f-]{36})$/i.exec(value);
  if (!match) return null;
  const at = new Date(match[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}

/** One page of a directory's request log, newest first, and the cursor of the next (older) page. */
export async function listScimRequestLog(db: Database, directoryId: string, options: { limit?: number; before?: ScimLogCursor | null } = {}) {
  const limit = Math.min(Math.max(1, options.limit ?? SCIM_REQUEST_LOG_PAGE), SCIM_REQUEST_LOG_MAX);
  const before = options.before;
  // Cursors carry JavaScript's milliseconds; PostgreSQL keeps microseconds. Compare and order at
  // millisecond precision so no row between two cursors is skipped or shown twice.
  const atMs = sql`date_trunc('milliseconds', ${scimRequestLog.at})`;
  const rows = await db
    .select()
    .from(scimRequestLog)
    .where(
      and(
        eq(scimRequestLog.directoryId, directoryId),
        before ? sql`(${atMs}, ${scimRequestLog.id}) < (${before.at.toISOString()}::timestamptz, ${before.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(atMs), desc(scimRequestLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}
