import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@gatehouse/core/limits";
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGES, PASSWORD_MESSAGES } from "./auth-messages";

// Shared by the forms (react-hook-form + zodResolver) and the server actions. /login's forms check
// with ./auth-messages instead (no zod in that page's bundle); the messages live there for both.
export const emailSchema = z.string().trim().min(1, EMAIL_MESSAGES.required).max(EMAIL_MAX_LENGTH, EMAIL_MESSAGES.tooLong).email(EMAIL_MESSAGES.invalid);

export const emailStepSchema = z.object({ email: emailSchema });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, PASSWORD_MESSAGES.required).max(MAX_PASSWORD_LENGTH, PASSWORD_MESSAGES.tooLong),
});

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1), password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The two passwords do not match.", path: ["confirm"] });

export const acceptInviteSchema = z.object({
  token: z.string().min(1),
  name: z.string().trim().max(200).optional(),
  password: z.string().min(1, "Enter a password.").max(MAX_PASSWORD_LENGTH),
});
