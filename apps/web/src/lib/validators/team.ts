import { z } from "zod";
import { emailSchema } from "./auth";

export const roleSchema = z.enum(["admin", "member"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const memberTargetSchema = z.object({ userId: z.string().uuid() });
export const changeRoleSchema = memberTargetSchema.extend({ role: roleSchema });
export const revokeInviteSchema = z.object({ inviteId: z.string().uuid() });
