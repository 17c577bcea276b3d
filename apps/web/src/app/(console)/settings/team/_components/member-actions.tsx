import type { MemberRow } from "@gatehouse/core";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { Button, ConfirmForm } from "@gatehouse/ui";
import { changeRoleAction, removeMemberAction, sendPasswordResetAction } from "../actions";
import { SelfRoleForm } from "./self-role-form";

/** Role select: a plain form with a Save button, so it works without JavaScript. */
function Role({ member, isSelf, accountName }: { member: MemberRow; isSelf: boolean; accountName: string }) {
  const fields = (
    <>
      <input type="hidden" name="userId" value={member.userId} />
      <label htmlFor={`role-${member.userId}`} className="sr-only">Role for {member.email}</label>
      <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300">
        {(["admin", "member"] as const).map((role) => (
          <option key={role} value={role}>{ROLE_LABELS[role]}</option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" aria-label={`Save role for ${member.email}`}>Save</Button>
    </>
  );
  if (isSelf) {
    return (
      <SelfRoleForm action={changeRoleAction} email={member.email} accountName={accountName}>
        {fields}
      </SelfRoleForm>
    );
  }
  return (
    <form action={changeRoleAction} className="flex items-center gap-2">
      {fields}
    </form>
  );
}

function Row({ member, isSelf }: { member: MemberRow; isSelf: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <form action={sendPasswordResetAction}>
        <input type="hidden" name="userId" value={member.userId} />
        <Button type="submit" size="sm" variant="secondary" aria-label={`Send password reset to ${member.email}`}>Send reset</Button>
      </form>
      {isSelf ? null : (
        <ConfirmForm
          action={removeMemberAction}
          triggerLabel="Remove"
          triggerAriaLabel={`Remove ${member.email}`}
          size="sm"
          title={`Remove ${member.email}?`}
          description="They lose access to this account at once, and every session of theirs ends. You can invite them again later."
          confirmLabel="Remove member"
          checkboxLabel="I understand they lose access now"
        >
          <input type="hidden" name="userId" value={member.userId} />
        </ConfirmForm>
      )}
    </div>
  );
}

export const MemberActions = { Role, Row };
