import { apiRoute } from "@/server/api/api-route";
import { notFound, succeed } from "@/server/api/envelope";
import { defaultConnection, deleteApiConnection, saveApiConnection, toApiConnection } from "@/server/api/sso-connections";
import { deleteDefaultSso, getDefaultSso, putDefaultSso } from "@/server/api/specs/sso";

export const GET = apiRoute(getDefaultSso, async ({ account }) => {
  const connection = await defaultConnection(account.id);
  return connection ? succeed(toApiConnection(connection)) : notFound("SSO connection (PUT one to create it)");
});

export const PUT = apiRoute(putDefaultSso, async ({ caller, account, body }) => saveApiConnection(caller, account, await defaultConnection(account.id), body));

export const DELETE = apiRoute(deleteDefaultSso, async ({ caller, account }) => deleteApiConnection(caller, account, await defaultConnection(account.id)));
