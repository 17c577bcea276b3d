import { z } from "zod";
import { MAX_REASON_LENGTH, MAX_SUSPENSION_HOURS, MIN_REASON_LENGTH, MIN_SUSPENSION_HOURS, REASON_MESSAGES } from "@gatehouse/core/limits";

// Shared by the support console's forms and their server actions; core checks the reason again.

export const reasonSchema = z
  .string({ message: REASON_MESSAGES.reason_missing })
  .trim()
  .min(1, REASON_MESSAGES.reason_missing)
  .min(MIN_REASON_LENGTH, REASON_MESSAGES.reason_too_short)
  .max(MAX_REASON_LENGTH, REASON_MESSAGES.reason_too_long);

const accountIdSchema = z.string().uuid();

export const CONFIRM_MESSAGE = "Type the account's name exactly as shown to confirm.";

/** Disable SSO: the account's name typed out, and (from support) a reason. */
export const confirmDisableSsoSchema = z.object({ confirmation: z.string().trim().min(1, CONFIRM_MESSAGE) });
export const supportDisableSsoSchema = confirmDisableSsoSchema.extend({ accountId: accountIdSchema, reason: reasonSchema });

export const suspendEnforcementSchema = z.object({
  accountId: accountIdSchema,
  hours: z.coerce
    .number({ message: `Enter a number of hours from ${MIN_SUSPENSION_HOURS} to ${MAX_SUSPENSION_HOURS}.` })
    .int(`Enter whole hours, from ${MIN_SUSPENSION_HOURS} to ${MAX_SUSPENSION_HOURS}.`)
    .min(MIN_SUSPENSION_HOURS, `Suspend for at least ${MIN_SUSPENSION_HOURS} hour.`)
    .max(MAX_SUSPENSION_HOURS, `Suspend for at most ${MAX_SUSPENSION_HOURS} hours; suspend again later if needed.`),
  reason: reasonSchema,
});

/** Password resets: everyone, or the members ticked (repeated `userIds` checkboxes). */
const resetTargets = z.object({
  scope: z.enum(["all", "chosen"], { message: "Choose who gets a reset link." }),
  userIds: z.array(z.string().uuid()).default([]),
});
const choseSomeone = (v: z.output<typeof resetTargets>) => v.scope === "all" || v.userIds.length > 0;
const CHOOSE_SOMEONE = { message: "Tick at least one member, or choose all members.", path: ["userIds"] };
export const passwordResetsSchema = resetTargets.refine(choseSomeone, CHOOSE_SOMEONE);
export const supportPasswordResetsSchema = resetTargets.extend({ accountId: accountIdSchema, reason: reasonSchema }).refine(choseSomeone, CHOOSE_SOMEONE);

export const supportResendInviteSchema = z.object({ accountId: accountIdSchema, inviteId: z.string().uuid(), reason: reasonSchema });

export const supportResetMfaSchema = z.object({ accountId: accountIdSchema, userId: z.string().uuid(), reason: reasonSchema });

/** Whether the typed confirmation names the account (surrounding spaces aside, case as shown). */
export const confirmsAccountName = (typed: string, accountName: string) => typed.trim() === accountName.trim();
