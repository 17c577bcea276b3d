"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { disableSso, findAccountById, resendInvite, resetMemberMfa, sendPasswordResets, suspendEnforcement, type Result } from "@gatehouse/core";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import {
  confirmsAccountName,
  supportDisableSsoSchema,
  supportPasswordResetsSchema,
  supportResendInviteSchema,
  supportResetMfaSchema,
  suspendEnforcementSchema,
} from "@/lib/validators/support";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";
import { requireStaff, supportActorOf } from "@/server/require-staff";
import { describeResetsSent, formatUtcShort } from "@/lib/support-messages";

/**
 * The shared shape of every support action: staff only (404 otherwise), input parsed with the
 * form's schema (a missing reason comes back as a field error), one core call as support, and
 * the account page refreshed.
 */
async function runSupportAction<S extends z.ZodType<{ accountId: string }>, T>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>, actor: Awaited<ReturnType<typeof supportActorOf>>) => Promise<Result<T> | ActionState>,
  success: (value: T) => string,
): Promise<ActionState> {
  const session = await requireStaff();
  const parsed = schema.safeParse(input);
  const values = redisplayable(input);
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  const outcome = await run(parsed.data, await supportActorOf(session));
  if (!("ok" in outcome)) return { ...outcome, values };
  revalidatePath(`/support/accounts/${parsed.data.accountId}`);
  return outcome.ok ? { success: success(outcome.value) } : { error: outcome.error, values };
}

const redisplayable = (input: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(input as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

export async function supportDisableSsoAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSupportAction(
    supportDisableSsoSchema,
    formValues(formData),
    async ({ accountId, reason, confirmation }, actor) => {
      const account = await findAccountById(coreContext().db, accountId);
      if (!account) return { error: "This account no longer exists." };
      if (!confirmsAccountName(confirmation, account.name)) return { fieldErrors: { confirmation: `Type ${account.name} to confirm.` } };
      return disableSso(coreContext(), { accountId, actor, reason, bySupport: true });
    },
    (c) =>
      `SSO is off: ${c.connectionsDisabled} connection(s) switched off, ${c.domainsUnenforced} domain(s) no longer enforce SSO, ${c.sessionsEnded} SSO session(s) ended.`,
  );
}

export async function supportSuspendEnforcementAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSupportAction(
    suspendEnforcementSchema,
    formValues(formData),
    ({ accountId, hours, reason }, actor) => suspendEnforcement(coreContext(), { accountId, hours, reason, actor }),
    ({ until }) => `Enforcement is suspended until ${formatUtcShort(until)}. The account's admins were emailed; it restores itself then.`,
  );
}

export async function supportSendPasswordResetsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSupportAction(
    supportPasswordResetsSchema,
    { ...formValues(formData), userIds: formData.getAll("userIds") },
    ({ accountId, reason, scope, userIds }, actor) =>
      sendPasswordResets(coreContext(), { accountId, reason, actor, bySupport: true, userIds: scope === "all" ? "all" : userIds }),
    describeResetsSent,
  );
}

export async function supportResendInviteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return runSupportAction(
    supportResendInviteSchema,
    formValues(formData),
    ({ accountId, inviteId, reason }, actor) => resendInvite(coreContext(), { accountId, inviteId, reason, actor, bySupport: true }),
    ({ email }) => `Invite sent again to ${email} with a fresh link.`,
  );
}

export async function supportResetMfaAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runSupportAction(
    supportResetMfaSchema,
    formValues(formData),
    ({ accountId, userId, reason }, actor) => resetMemberMfa(coreContext(), { accountId, userId, reason, actor, bySupport: true }),
    ({ email }) =>
      `MFA reset for ${email}: their authenticator app and recovery codes no longer work and they were signed out everywhere; they can set MFA up again after signing in.`,
  );
  // On success the member leaves the list of members with MFA, and their form's message with it.
  if (state.success) redirect(await flashTo(`/support/accounts/${String(formData.get("accountId"))}`, { tone: "success", text: state.success }));
  return state;
}
