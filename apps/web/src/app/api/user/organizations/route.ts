import { apiRoute } from "@/server/api/api-route";
import { succeed } from "@/server/api/envelope";
import { listOrganizations } from "@/server/api/specs/organizations";

export const GET = apiRoute(listOrganizations, async ({ caller }) => succeed(caller.accounts));
