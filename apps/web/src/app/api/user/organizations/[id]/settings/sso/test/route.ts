import { apiRoute } from "@/server/api/api-route";
import { defaultConnection, testApiConnection } from "@/server/api/sso-connections";
import { testDefaultSso } from "@/server/api/specs/sso";

export const POST = apiRoute(testDefaultSso, async ({ caller, account }) => testApiConnection(caller, account, await defaultConnection(account.id)));
