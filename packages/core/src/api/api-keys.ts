import {
  accounts,
  and,
  apiKeys,
  ssoConnections,
  desc,
  eq,
  isNull,
  memberships,
  sql,
  users,
  type ApiKey,
  type ApiKeyKind,
  type ApiKeyScope,
  type Database,
  type MemberRole,
} from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { fail, ok, type Result } from "../result";
import { decideScimRate, type ScimRateDecision } from "../scim/rate-limit";
import { getMemberRole, isAccountAdmin } from "../team";
import { generateToken, hashToken } from "../tokens";
import { loadMembershipEnforcement } from "../enforcement/load-enforcement";
import { apiKeyState, isLastUsedStale, personalTokenUnderSso } from "./decide-api-key";

/** Keys start with this, so secret scanners and people can tell them apart from other tokens. */
export const API_KEY_TOKEN_PREFIX = "gh_";
const VISIBLE_PREFIX_LENGTH = 11;

export type ApiKeyView = Pick<ApiKey, "id" | "kind" | "name" | "scope" | "prefix" | "createdAt" | "lastUsedAt" | "expiresAt" | "revokedAt" | "userId"> & {
  state: ReturnType<typeof apiKeyState>;
  /** The member a personal token acts as. */
  userEmail: string | null;
};

export type IssuedApiKey = { id: string; token: string; prefix: string; name: string; scope: ApiKeyScope; kind: ApiKeyKind; expiresAt: Date | null };

export type NewApiKeyInput = { accountId: string; kind: ApiKeyKind; name: string; scope: ApiKeyScope; expiresAt?: Date | null };

function checkName(name: string): Result<string> {
  const trimmed = name.trim();
  if (!trimmed) return fail("Name the key, for example after the script or service that will use it.");
  if (trimmed.length > 100) return fail("Use at most 100 characters for the key's name.");
  return ok(trimmed);
}

async function insertApiKey(
  ctx: Pick<CoreContext, "db" | "now">,
  input: NewApiKeyInput & { userId: string | null; actor: Actor; createdThroughSso?: boolean },
): Promise<Result<IssuedApiKey>> {
  const name = checkName(input.name);
  if (!name.ok) return name;
  const now = nowOf(ctx);
  if (input.expiresAt && input.expiresAt <= now) return fail("Choose an expiry date in the future, or none.");
  const token = `${API_KEY_TOKEN_PREFIX}${generateToken()}`;
  const prefix = token.slice(0, VISIBLE_PREFIX_LENGTH);
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        accountId: input.accountId,
        kind: input.kind,
        userId: input.userId,
        name: name.value,
        scope: input.scope,
        prefix,
        tokenHash: hashToken(token),
        createdThroughSso: input.createdThroughSso ?? false,
        createdByUserId: input.actor.userId,
        createdAt: now,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "api_key.created",
      target: { type: "api_key", id: inserted!.id, label: `${name.value} (${prefix}…)` },
      metadata: {
        kind: input.kind,
        scope: input.scope,
        expiresAt: input.expiresAt?.toISOString() ?? null,
        ...(input.createdThroughSso ? { createdThroughSso: true } : {}),
      },
    });
    return inserted!;
  });
  return ok({ id: row.id, token, prefix, name: row.name, scope: row.scope, kind: row.kind, expiresAt: row.expiresAt });
}

/**
 * Creates a key from the console or the API. An account key needs an admin; a personal access
 * token belongs to the member creating it and acts with their role in this account only.
 */
export async function issueApiKey(
  ctx: Pick<CoreContext, "db" | "now">,
  input: NewApiKeyInput & {
    actor: Actor;
    /** The SSO connection the creating session signed in through, if any. */ signedInThroughConnectionId?: string | null;
  },
): Promise<Result<IssuedApiKey>> {
  if (input.kind === "account") {
    if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can create account API keys.");
    return insertApiKey(ctx, { ...input, userId: null });
  }
  if (!input.actor.userId || !(await getMemberRole(ctx.db, input.accountId, input.actor.userId)))
    return fail("Only members of this account can create personal access tokens in it.");
  const createdThroughSso = input.signedInThroughConnectionId ? await isConnectionOf(ctx.db, input.signedInThroughConnectionId, input.accountId) : false;
  return insertApiKey(ctx, { ...input, userId: input.actor.userId, createdThroughSso });
}

/** Only this account's own SSO vouches for a token bound to it. */
async function isConnectionOf(db: Database, connectionId: string, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ssoConnections.id })
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, connectionId), eq(ssoConnections.accountId, accountId)))
    .limit(1);
  return Boolean(row);
}

/** For the operator CLI: an account key, created with the deployment's authority (audited as the operator). */
export async function issueApiKeyAsOperator(
  ctx: Pick<CoreContext, "db" | "now">,
  input: Omit<NewApiKeyInput, "kind"> & { actor: Actor },
): Promise<Result<IssuedApiKey>> {
  return insertApiKey(ctx, { ...input, kind: "account", userId: null });
}

/** An account's keys: account keys and every member's personal tokens (or one member's, with `userId`). */
export async function listApiKeys(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { accountId: string; kind?: ApiKeyKind; userId?: string },
): Promise<ApiKeyView[]> {
  const now = nowOf(ctx);
  const rows = await ctx.db
    .select({ key: apiKeys, userEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.userId))
    .where(
      and(
        eq(apiKeys.accountId, input.accountId),
        input.kind ? eq(apiKeys.kind, input.kind) : undefined,
        input.userId ? eq(apiKeys.userId, input.userId) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(({ key, userEmail }) => ({
    id: key.id,
    kind: key.kind,
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    userId: key.userId,
    userEmail,
    state: apiKeyState(key, now),
  }));
}

/**
 * Revokes a key at once. Admins may revoke any key of the account (a leaked personal token
 * included); a member only their own personal tokens. `asOperator` is the CLI's authority.
 */
export async function revokeApiKey(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { accountId: string; keyId: string; actor: Actor; asOperator?: boolean },
): Promise<Result<{ prefix: string; name: string; alreadyRevoked: boolean }>> {
  if (!/^[0-9a-f-]{36}$/i.test(input.keyId)) return fail("No such key in this account.");
  const [key] = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.accountId, input.accountId)))
    .limit(1);
  if (!key) return fail("No such key in this account.");
  const isOwnToken = key.kind === "personal" && key.userId !== null && key.userId === input.actor.userId;
  if (!input.asOperator && !isOwnToken && !(await isAccountAdmin(ctx.db, input.accountId, input.actor)))
    return fail("Only account admins can revoke this key.");
  if (key.revokedAt) return ok({ prefix: key.prefix, name: key.name, alreadyRevoked: true });
  const now = nowOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "api_key.revoked",
      target: { type: "api_key", id: key.id, label: `${key.name} (${key.prefix}…)` },
      metadata: { kind: key.kind, scope: key.scope },
    });
  });
  return ok({ prefix: key.prefix, name: key.name, alreadyRevoked: false });
}

/** What a presented key may reach: one account, with the authority of an admin (account key) or of its member (personal token). */
export type ApiKeyCaller = {
  keyId: string;
  /** As read when the key was looked up: markApiKeyUsed compares it to write at most once a minute. */
  lastUsedAt: Date | null;
  kind: ApiKeyKind;
  scope: ApiKeyScope;
  account: { id: string; name: string; slug: string; role: MemberRole };
  actor: Actor;
};

export type ApiKeyRefusal = "unknown" | "revoked" | "expired" | "not_a_member" | "sso_required";

/**
 * Looks a presented key up by its hash and says who it acts as. It does not touch last_used_at: a
 * request refused after this (enforcement, scope, rate, the account in the path) did not use the
 * key; the caller marks it with markApiKeyUsed once the request is accepted.
 */
export async function authenticateApiKey(ctx: Pick<CoreContext, "db" | "now">, token: string, ip: string | null): Promise<Result<ApiKeyCaller, ApiKeyRefusal>> {
  if (!token.startsWith(API_KEY_TOKEN_PREFIX) || token.length > 200) return fail("unknown");
  const now = nowOf(ctx);
  const [row] = await ctx.db
    .select({
      key: apiKeys,
      account: { id: accounts.id, name: accounts.name, slug: accounts.slug },
      user: { id: users.id, email: users.email },
      role: memberships.role,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .leftJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(memberships, and(eq(memberships.accountId, apiKeys.accountId), eq(memberships.userId, apiKeys.userId)))
    .where(eq(apiKeys.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return fail("unknown");
  const state = apiKeyState(row.key, now);
  if (state !== "active") return fail(state);
  const { key } = row;
  if (key.kind === "account") {
    return ok({
      keyId: key.id,
      lastUsedAt: key.lastUsedAt,
      kind: key.kind,
      scope: key.scope,
      account: { ...row.account, role: "admin" },
      actor: { userId: null, label: `API key "${key.name}" (${key.prefix}…)`, ip, adminOfAccountId: key.accountId },
    });
  }
  // A personal token stops with its member's membership, and follows their current role.
  if (!row.user || !row.role) return fail("not_a_member");
  const membership = (await loadMembershipEnforcement(ctx.db, row.user.id)).find((m) => m.account.id === key.accountId) ?? null;
  if (personalTokenUnderSso({ membership, createdThroughSso: key.createdThroughSso, now }) === "sso_required") return fail("sso_required");
  return ok({
    keyId: key.id,
    lastUsedAt: key.lastUsedAt,
    kind: key.kind,
    scope: key.scope,
    account: { ...row.account, role: row.role },
    actor: { userId: row.user.id, label: `${row.user.email} (personal access token "${key.name}")`, ip },
  });
}

/** Records that an accepted request used the key; written at most once a minute (the conditional UPDATE keeps parallel requests to one write). */
export async function markApiKeyUsed(ctx: Pick<CoreContext, "db" | "now">, key: Pick<ApiKeyCaller, "keyId" | "lastUsedAt">): Promise<void> {
  const now = nowOf(ctx);
  if (!isLastUsedStale(key.lastUsedAt, now)) return;
  await ctx.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.keyId), key.lastUsedAt ? eq(apiKeys.lastUsedAt, key.lastUsedAt) : isNull(apiKeys.lastUsedAt)));
}

/** Counts one request against the key's fixed one-minute window in one UPDATE, as SCIM tokens do, so parallel requests on any replica each get their own count. */
export async function countApiKeyRequest(db: Database, keyId: string, limit: number, now = new Date()): Promise<ScimRateDecision> {
  const fresh = sql`(${apiKeys.rateWindowStartedAt} is null or ${apiKeys.rateWindowStartedAt} <= ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz)`;
  const [row] = await db
    .update(apiKeys)
    .set({
      rateWindowStartedAt: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${apiKeys.rateWindowStartedAt} end`,
      rateWindowCount: sql`case when ${fresh} then 1 else ${apiKeys.rateWindowCount} + 1 end`,
    })
    .where(eq(apiKeys.id, keyId))
    .returning({ startedAt: apiKeys.rateWindowStartedAt, count: apiKeys.rateWindowCount });
  if (!row?.startedAt) return { allowed: true };
  return decideScimRate({ windowStartedAt: row.startedAt, count: row.count, limit, now });
}
