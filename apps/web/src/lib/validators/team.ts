import { z } from "zod";
import { emailSchema } from "./auth";

export const roleSchema = z.enum(["admin", "member"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const memberTargetSchema = z.object({ userId: z.string().uuid() });
export const changeRoleSchema = memberTargetSchema.extend({ role: roleSchema, confirm: z.literal("on").optional() });
export const removeMemberSchema = memberTargetSchema.extend({
  confirm: z.literal("on", { message: "Tick “I understand they lose access now” next to Remove to remove a member." }),
});
export const SELF_DEMOTION_UNCONFIRMED =
  "You would lose the admin console: tick “I understand I will lose the console” next to Save to make yourself a Member.";
export const revokeInviteSchema = z.object({ inviteId: z.string().uuid() });

/** "SSO off for this member", optionally through a date (YYYY-MM-DD, UTC, the whole day included). */
export const ssoExemptionSchema = memberTargetSchema.extend({
  ssoExempt: z.enum(["on"]).optional(),
  until: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Enter the end date as YYYY-MM-DD, or leave it empty.")
    .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That end date does not exist.")
    .optional(),
});

/** The end of the chosen day in UTC: "until 1 December" includes 1 December. */
export const exemptionEnd = (date: string | undefined): Date | null => (date ? new Date(`${date}T23:59:59.999Z`) : null);
