import type { NextRequest } from "next/server";
import { authenticateApiKey, countApiKeyRequest, type Actor, type ApiKeyRefusal } from "@gatehouse/core";
import type { ApiKeyScope, MemberRole } from "@gatehouse/db";
import { getCurrentSession } from "@/auth/session";
import { env } from "@/env";
import { coreContext, db } from "@/server/context";
import { ipFromHeaders } from "@/server/request";
import { refuse, type ApiReply } from "./envelope";

export type ApiAccount = { id: string; name: string; slug: string; role: MemberRole };

/** Who is calling and what they may reach: one account for a key, the proved accounts for a session. */
export type ApiCaller = {
  via: "account_key" | "personal_token" | "session";
  /** Owner of stored Idempotency-Key answers: "key:<id>" or "user:<id>". */
  principal: string;
  scope: ApiKeyScope;
  accounts: ApiAccount[];
  actor: Actor;
  /** The key that made the request, marked as used once the request is accepted. */
  key: { keyId: string; lastUsedAt: Date | null } | null;
};

const KEY_REFUSALS: Record<ApiKeyRefusal, ApiReply> = {
  unknown: refuse(401, "INVALID_API_KEY", "That API key is not valid. Check that it was copied whole, or create a new one under Settings → API keys."),
  revoked: refuse(401, "API_KEY_REVOKED", "That API key was revoked. Create a new one under Settings → API keys."),
  expired: refuse(401, "API_KEY_EXPIRED", "That API key has expired. Create a new one under Settings → API keys."),
  not_a_member: refuse(401, "API_KEY_OWNER_NOT_MEMBER", "The member this personal access token belongs to is no longer in the account."),
  sso_required: refuse(
    401,
    "SSO_REQUIRED",
    "This account requires its member to sign in through SSO, and this personal access token was not created after an SSO sign-in. Sign in through the account's SSO and create a new token, or use an account API key.",
  ),
};

/**
 * The caller of an API request: an `X-Api-Key` (account key or personal access token), or the
 * signed-in session's cookie. Sessions writing must come from our own pages: the cookie is
 * SameSite=Lax and we also require a same-origin Origin header, as server actions do.
 */
export async function identifyCaller(request: NextRequest): Promise<{ ok: true; caller: ApiCaller } | { ok: false; reply: ApiReply }> {
  const ip = ipFromHeaders(request.headers);
  const presented = request.headers.get("x-api-key");
  if (presented !== null) {
    const found = await authenticateApiKey(coreContext(), presented.trim(), ip);
    if (!found.ok) return { ok: false, reply: KEY_REFUSALS[found.error] };
    const key = found.value;
    const rate = await countApiKeyRequest(db(), key.keyId, env().API_RATE_LIMIT_PER_MINUTE);
    if (!rate.allowed) {
      return {
        ok: false,
        reply: refuse(
          429,
          "RATE_LIMITED",
          `Too many requests with this key. Try again in ${rate.retryAfterSeconds} seconds.`,
          { retryAfterSeconds: rate.retryAfterSeconds },
          { "retry-after": String(rate.retryAfterSeconds) },
        ),
      };
    }
    return {
      ok: true,
      caller: {
        via: key.kind === "account" ? "account_key" : "personal_token",
        principal: `key:${key.keyId}`,
        scope: key.scope,
        accounts: [key.account],
        actor: key.actor,
        key: { keyId: key.keyId, lastUsedAt: key.lastUsedAt },
      },
    };
  }
  const session = await getCurrentSession();
  if (!session)
    return { ok: false, reply: refuse(401, "UNAUTHENTICATED", "Send an API key in the X-Api-Key header (create one under Settings → API keys), or sign in.") };
  if (!["GET", "HEAD"].includes(request.method) && !isSameOrigin(request)) {
    return {
      ok: false,
      reply: refuse(403, "CROSS_SITE_REQUEST", "Writes with a browser session must come from this site's own pages. Scripts should use an API key."),
    };
  }
  return {
    ok: true,
    caller: {
      via: "session",
      principal: `user:${session.user.id}`,
      scope: "write",
      accounts: session.accounts.filter((a) => a.granted).map(({ id, name, slug, role }) => ({ id, name, slug, role })),
      actor: { userId: session.user.id, label: session.user.email, ip },
      key: null,
    },
  };
}

function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(env().APP_URL).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
