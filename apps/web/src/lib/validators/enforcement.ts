import { z } from "zod";

export const authRequirementSchema = z.enum(["any", "mfa", "sso"], { message: "Choose how members must sign in." });

/** The "Authentication requirement" form on /settings/security. */
export const requirementFormSchema = z.object({
  authRequired: authRequirementSchema,
  requireMfa: z.enum(["on"]).optional(),
});

/** "Require SSO for people on this domain", with its confirmation checkbox when switching on. */
export const domainEnforcementFormSchema = z
  .object({
    domainId: z.string().uuid(),
    enforceSso: z.enum(["on", "off"]),
    understood: z.enum(["on"]).optional(),
  })
  .refine((v) => v.enforceSso === "off" || v.understood === "on", {
    message: "Tick the box to confirm that people on this domain can then sign in only with SSO.",
    path: ["understood"],
  });

/** The confirmation step: what is switched on, and the typed account slug or name. */
export const confirmEnforcementSchema = z.object({
  target: z.enum(["account", "domain"]),
  domainId: z.string().uuid().optional(),
  requireMfa: z.enum(["on"]).optional(),
  confirmation: z.string().max(200).default(""),
});
