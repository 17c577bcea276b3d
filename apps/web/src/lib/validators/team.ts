import { z } from "zod";
import { emailSchema } from "./auth";

export const roleSchema = z.enum(["admin", "member"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const memberTargetSchema = z.object({ userId: z.string().uuid() });
export const changeRoleSchema = memberTargetSchema.extend({ role: roleSchema, confirm: z.literal("on").optional() });
export const removeMemberSchema = memberTargetSchema.extend({
  confirm: z.literal("on", { message: "Tick “I understand they lose access now” next to Remove to remove a member." }),
});
export const SELF_DEMOTION_UNCONFIRMED = "You would lose the admin console: tick “I understand I will lose the console” next to Save to make yourself a Member.";
export const revokeInviteSchema = z.object({ inviteId: z.string().uuid() });
