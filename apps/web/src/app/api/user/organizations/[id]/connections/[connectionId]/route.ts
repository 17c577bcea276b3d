import { apiRoute } from "@/server/api/api-route";
import { notFound, succeed } from "@/server/api/envelope";
import { deleteApiConnection, loadConnection, saveApiConnection, toApiConnection } from "@/server/api/sso-connections";
import { deleteConnectionSpec, getConnectionSpec, putConnectionSpec } from "@/server/api/specs/sso";

export const GET = apiRoute(getConnectionSpec, async ({ account, params }) => {
  const connection = await loadConnection(account.id, params.connectionId);
  return connection ? succeed(toApiConnection(connection)) : notFound("SSO connection");
});

export const PUT = apiRoute(putConnectionSpec, async ({ caller, account, params, body }) => {
  const connection = await loadConnection(account.id, params.connectionId);
  return connection ? saveApiConnection(caller, account, connection, body) : notFound("SSO connection");
});

export const DELETE = apiRoute(deleteConnectionSpec, async ({ caller, account, params }) =>
  deleteApiConnection(caller, account, await loadConnection(account.id, params.connectionId)),
);
