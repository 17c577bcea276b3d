import { z } from "zod";
import { defineSpec } from "../route-spec";
import { accountParams, BASE } from "./common";

const AUTH_REQUIRED = ["any", "mfa", "sso"] as const;

export const securitySettingsSchema = z
  .object({
    authRequired: z
      .enum(AUTH_REQUIRED)
      .meta({ description: "any: password, social or SSO; mfa: password sign-ins must complete MFA; sso: SSO only for members" }),
    requireMfa: z.boolean().meta({ description: "Members without MFA enrol at their next password sign-in" }),
  })
  .meta({ id: "SecuritySettings" });

const SECURITY = `${BASE}/{id}/settings/security`;

export const getSecuritySettingsSpec = defineSpec({
  method: "GET",
  path: SECURITY,
  operationId: "getSecuritySettings",
  summary: "The account's authentication requirement",
  tag: "Security",
  params: accountParams,
  data: securitySettingsSchema,
});

export const putSecuritySettingsSpec = defineSpec({
  method: "PUT",
  path: SECURITY,
  operationId: "putSecuritySettings",
  summary: "Set the authentication requirement and the MFA switch",
  description: [
    "Switching authRequired to sso has an interlock, as in the console:",
    "409 needs_fresh_test until a switched-on connection passed Authenticate or a test sign-in in the last 24 hours;",
    "then a typed confirmation: send confirm with the account's slug.",
    "Without it the answer is 409 would_lock_out, with data.lockedOut listing the members who could no longer sign in",
    "(never signed in through SSO, email not on a verified domain, not exempt), or 409 confirmation_mismatch when nobody would be.",
    "Confirming ends the affected members' sessions that were not signed in through SSO.",
  ].join(" "),
  tag: "Security",
  params: accountParams,
  body: z.object({
    authRequired: z.enum(AUTH_REQUIRED, { message: "Choose any, mfa or sso." }),
    requireMfa: z.boolean({ message: "Send true or false." }),
    confirm: z.string().max(200).optional().meta({ description: "The account's slug, to confirm switching to sso" }),
  }),
  data: securitySettingsSchema,
  adminOnly: true,
  errors: [400, 409],
});
