import type { MemberRow } from "@gatehouse/core";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { Button } from "@gatehouse/ui";
import { changeRoleAction, removeMemberAction, sendPasswordResetAction } from "../actions";

/** Role select: a plain form with a Save button, so it works without JavaScript. */
function Role({ member }: { member: MemberRow }) {
  return (
    <form action={changeRoleAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={member.userId} />
      <label htmlFor={`role-${member.userId}`} className="sr-only">Role for {member.email}</label>
      <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300">
        {(["admin", "member"] as const).map((role) => (
          <option key={role} value={role}>{ROLE_LABELS[role]}</option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" aria-label={`Save role for ${member.email}`}>Save</Button>
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
        <form action={removeMemberAction}>
          <input type="hidden" name="userId" value={member.userId} />
          <Button type="submit" size="sm" variant="danger" aria-label={`Remove ${member.email}`}>Remove</Button>
        </form>
      )}
    </div>
  );
}

export const MemberActions = { Role, Row };
