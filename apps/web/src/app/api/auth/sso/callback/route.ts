/**
 * Seed 003's shared callback path, an alias of the OIDC redirect URI (/api/sso/oidc/callback):
 * the state names the account and the flow cookie proves the browser, so one URL serves all.
 */
export { GET } from "@/app/api/sso/oidc/callback/route";
