import { apiRoute } from "@/server/api/api-route";
import { loadConnection, testApiConnection } from "@/server/api/sso-connections";
import { testConnectionSpec } from "@/server/api/specs/sso";

export const POST = apiRoute(testConnectionSpec, async ({ caller, account, params }) =>
  testApiConnection(caller, account, await loadConnection(account.id, params.connectionId)),
);
