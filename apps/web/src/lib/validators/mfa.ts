import { z } from "zod";

export const MFA_MESSAGES = {
  code: "Enter the 6-digit code your authenticator app shows.",
  recoveryCode: "Enter one of your recovery codes (like k7pq2-xm4rt).",
} as const;

/** Six digits, optionally with a space in the middle, as apps show them. */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, MFA_MESSAGES.code);

export const mfaChallengeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("totp"), code: totpCodeSchema }),
  z.object({ kind: z.literal("recovery"), code: z.string().trim().min(10, MFA_MESSAGES.recoveryCode).max(40, MFA_MESSAGES.recoveryCode) }),
]);

export const mfaCodeFormSchema = z.object({ code: totpCodeSchema });

/** A checkbox posts "on" when ticked and nothing otherwise. */
export const isTicked = (value: FormDataEntryValue | null): boolean => value === "on";
