import { apiRoute } from "@/server/api/api-route";
import { succeed } from "@/server/api/envelope";
import { listApiConnections, saveApiConnection } from "@/server/api/sso-connections";
import { createConnectionSpec, listConnectionsSpec } from "@/server/api/specs/sso";

export const GET = apiRoute(listConnectionsSpec, async ({ account }) => succeed(await listApiConnections(account.id)));

export const POST = apiRoute(createConnectionSpec, async ({ caller, account, body }) => saveApiConnection(caller, account, null, body));
