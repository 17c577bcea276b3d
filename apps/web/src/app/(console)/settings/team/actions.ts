"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import {
  changeMemberRole,
  decideJoinRequest,
  importManagedUsers,
  inviteMember,
  isSelfDemotion,
  removeMember,
  resetMemberMfa,
  revokeInvite,
  sendMemberPasswordReset,
  setMemberSsoExemption,
  type Actor,
  type ExemptionError,
  type Result,
} from "@gatehouse/core";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { actorOf, requireAccount } from "@/auth/session";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";
import { INCOMPLETE, runFormAction } from "@/server/form-action";
import {
  changeRoleSchema,
  exemptionEnd,
  inviteSchema,
  memberTargetSchema,
  removeMemberSchema,
  revokeInviteSchema,
  SELF_DEMOTION_UNCONFIRMED,
  ssoExemptionSchema,
} from "@/lib/validators/team";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { decideJoinRequestSchema, importManagedUsersSchema } from "@/lib/validators/domain-capture";

const TEAM = "/settings/team";

/**
 * The team page's row actions, through the console's one action runner. Core checks the admin
 * role itself (its refusals name what was refused), and every outcome comes back to the team page.
 */
function runTeamAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  /** What to parse instead of the form's single values (repeated checkboxes), or null. */
  input: unknown,
  run: (input: z.output<S>, accountId: string, actor: Actor) => Promise<Result<unknown>>,
  success: string | ((value: unknown) => string),
): Promise<never> {
  return runFormAction({
    schema,
    input: input ?? formValues(formData),
    gate: "core",
    run: (parsed, { accountId, actor }) => run(parsed, accountId, actor),
    success,
    back: () => TEAM,
    incomplete: (error) => error.issues.find((i) => i.path[0] === "confirm")?.message ?? INCOMPLETE,
    revalidate: TEAM,
  });
}

export async function changeRoleAction(formData: FormData) {
  await runTeamAction(
    changeRoleSchema,
    formData,
    null,
    async (input, accountId, actor) => {
      // Making yourself a Member takes the console away: only with the dialog's (or checkbox's) yes.
      if (isSelfDemotion({ actorUserId: actor.userId, targetUserId: input.userId, newRole: input.role }) && input.confirm !== "on") {
        return { ok: false, error: SELF_DEMOTION_UNCONFIRMED };
      }
      return changeMemberRole(coreContext(), { accountId, userId: input.userId, role: input.role, actor });
    },
    (value) => {
      const { changed, email, role } = value as { changed: boolean; email: string; role: keyof typeof ROLE_LABELS };
      return changed ? "Role updated." : `Nothing changed: ${email} is already ${role === "admin" ? "an" : "a"} ${ROLE_LABELS[role]}.`;
    },
  );
}

export async function removeMemberAction(formData: FormData) {
  await runTeamAction(
    removeMemberSchema,
    formData,
    null,
    (input, accountId, actor) => removeMember(coreContext(), { ...input, accountId, actor }),
    "Member removed. Their sessions have ended.",
  );
}

export async function sendPasswordResetAction(formData: FormData) {
  await runTeamAction(
    memberTargetSchema,
    formData,
    null,
    (input, accountId, actor) => sendMemberPasswordReset(coreContext(), { ...input, accountId, actor }),
    "Password reset email sent.",
  );
}

const EXEMPTION_ERRORS: Record<ExemptionError["code"], string> = {
  forbidden: "Only account admins can change who may skip SSO.",
  not_a_member: "That person is no longer a member of this account.",
  until_in_past: "The end date has already passed. Choose a later date, or leave it empty for no end date.",
};

/** "SSO off for this member" (optionally until a date): the member keeps a password while SSO is enforced. */
export async function setSsoExemptionAction(formData: FormData) {
  // A bad date gets its own message, not the generic "incomplete request".
  const checked = ssoExemptionSchema.safeParse(formValues(formData));
  if (!checked.success && checked.error.issues.some((i) => i.path[0] === "until")) {
    redirect(await flashTo(TEAM, { tone: "error", text: checked.error.issues.find((i) => i.path[0] === "until")!.message }));
  }
  await runTeamAction(
    ssoExemptionSchema,
    formData,
    null,
    async (input, accountId, actor) => {
      const result = await setMemberSsoExemption(coreContext(), {
        accountId,
        actor,
        userId: input.userId,
        exempt: input.ssoExempt === "on",
        until: exemptionEnd(input.until),
      });
      return result.ok ? result : { ok: false, error: EXEMPTION_ERRORS[result.error.code] };
    },
    (value) => {
      const ended = (value as { endedSessions: number }).endedSessions;
      return ended > 0 ? `SSO exemption saved. ${ended} session${ended === 1 ? "" : "s"} not signed in through SSO ended.` : "SSO exemption saved.";
    },
  );
}

export async function resetMemberMfaAction(formData: FormData) {
  await runTeamAction(
    memberTargetSchema,
    formData,
    null,
    (input, accountId, actor) => resetMemberMfa(coreContext(), { ...input, accountId, actor }),
    (value) =>
      `Two-step verification was reset for ${(value as { email: string }).email} and they were signed out everywhere. They set it up again at their next sign-in if your account requires it.`,
  );
}

export async function revokeInviteAction(formData: FormData) {
  await runTeamAction(
    revokeInviteSchema,
    formData,
    null,
    (input, accountId, actor) => revokeInvite(coreContext(), { ...input, accountId, actor }),
    "Invite revoked.",
  );
}

export async function decideJoinRequestAction(formData: FormData) {
  await runTeamAction(
    decideJoinRequestSchema,
    formData,
    null,
    (input, accountId, actor) => decideJoinRequest(coreContext(), { accountId, requestId: input.requestId, approve: input.decision === "approve", actor }),
    (value) => `${(value as { email: string }).email} was sent the answer by email.`,
  );
}

/** Import all, or the people ticked in the list (checkboxes share one name, so read them all). */
export async function importManagedUsersAction(formData: FormData) {
  const input = { scope: formData.get("scope"), userIds: formData.getAll("userId").filter((v) => typeof v === "string") };
  await runTeamAction(
    importManagedUsersSchema,
    formData,
    input,
    (parsed, accountId, actor) => importManagedUsers(coreContext(), { accountId, userIds: parsed.scope === "all" ? "all" : parsed.userIds, actor }),
    (value) => {
      const n = (value as { imported: number }).imported;
      return `${n === 1 ? "1 person was added as a Member" : `${n} people were added as Members`} and sent an email.`;
    },
  );
}

/** The invite form keeps its own inline state (field errors, the sent confirmation). */
export async function inviteMemberAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireAccount();
  const values = formValues(formData);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await inviteMember(coreContext(), { ...parsed.data, accountId: session.activeAccount.id, actor: await actorOf(session) });
  if (!result.ok) return { error: result.error, values };
  revalidatePath(TEAM);
  return { success: `Invite sent to ${result.value.email}.` };
}
