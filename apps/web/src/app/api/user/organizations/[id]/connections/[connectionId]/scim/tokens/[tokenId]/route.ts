import { getScimConsoleView, revokeScimDirectoryToken } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { notFound, refuse, succeed } from "@/server/api/envelope";
import { revokeScimTokenSpec } from "@/server/api/specs/scim";
import { coreContext } from "@/server/context";

export const DELETE = apiRoute(revokeScimTokenSpec, async ({ caller, account, params }) => {
  const view = await getScimConsoleView(coreContext(), account.id, params.connectionId);
  if (!view?.tokens.some((t) => t.id === params.tokenId)) return notFound("SCIM token");
  const revoked = await revokeScimDirectoryToken(coreContext(), {
    accountId: account.id,
    connectionId: params.connectionId,
    tokenId: params.tokenId,
    actor: caller.actor,
  });
  if (!revoked.ok) return refuse(409, "SCIM_REFUSED", revoked.error);
  return succeed({ id: params.tokenId, prefix: revoked.value.prefix, revoked: true }, `Token ${revoked.value.prefix}… revoked. Requests with it now get 401.`);
});
