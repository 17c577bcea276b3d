import { enableScim, getScimConsoleView, getScimDirectory, rotateScimDirectoryToken } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { notFound, refuse, succeed } from "@/server/api/envelope";
import { loadConnection } from "@/server/api/sso-connections";
import { createScimTokenSpec, listScimTokensSpec } from "@/server/api/specs/scim";
import { coreContext, db } from "@/server/context";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const GET = apiRoute(listScimTokensSpec, async ({ account, params }) => {
  if (!(await loadConnection(account.id, params.connectionId))) return notFound("SSO connection");
  const view = await getScimConsoleView(coreContext(), account.id, params.connectionId);
  if (!view) return succeed({ enabled: false, baseUrl: null, tokens: [] });
  return succeed({
    enabled: view.directory.enabled,
    baseUrl: view.baseUrl,
    tokens: view.tokens.map((t) => ({
      id: t.id,
      prefix: t.prefix,
      state: t.state,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: iso(t.lastUsedAt),
      expiresAt: iso(t.expiresAt),
      revokedAt: iso(t.revokedAt),
    })),
  });
});

/** Switches SCIM on with its first token, or rotates when it is on (the old token keeps its grace period). */
export const POST = apiRoute(createScimTokenSpec, async ({ caller, account, params }) => {
  if (!(await loadConnection(account.id, params.connectionId))) return notFound("SSO connection");
  const target = { accountId: account.id, connectionId: params.connectionId, actor: caller.actor };
  const directory = await getScimDirectory(db(), account.id, params.connectionId);
  if (!directory?.enabled) {
    const enabled = await enableScim(coreContext(), target);
    if (!enabled.ok) return refuse(409, "SCIM_REFUSED", enabled.error);
    return succeed(
      { token: enabled.value.token, prefix: enabled.value.prefix, baseUrl: enabled.value.baseUrl, graceUntil: null },
      "SCIM switched on. Copy the token now: it is not shown again.",
      201,
    );
  }
  const rotated = await rotateScimDirectoryToken(coreContext(), target);
  if (!rotated.ok) return refuse(409, "SCIM_REFUSED", rotated.error);
  return succeed(
    { token: rotated.value.token, prefix: rotated.value.prefix, baseUrl: null, graceUntil: rotated.value.graceUntil.toISOString() },
    `New SCIM token issued; the previous one keeps working for ${rotated.value.graceHours} hours. Copy the token now: it is not shown again.`,
    201,
  );
});
