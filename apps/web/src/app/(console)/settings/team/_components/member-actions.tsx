import type { MemberRow } from "@gatehouse/core";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { Button, ConfirmForm } from "@gatehouse/ui";
import { changeRoleAction, removeMemberAction, resetMemberMfaAction, sendPasswordResetAction, setSsoExemptionAction } from "../actions";
import { MemberRowMenu } from "./member-row-menu";
import { SelfRoleForm } from "./self-role-form";

/** Role select: a plain form with a Save button, so it works without JavaScript. */
function Role({ member, isSelf, accountName }: { member: MemberRow; isSelf: boolean; accountName: string }) {
  const fields = (
    <>
      <input type="hidden" name="userId" value={member.userId} />
      <label htmlFor={`role-${member.userId}`} className="sr-only">
        Role for {member.email}
      </label>
      <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300">
        {(["admin", "member"] as const).map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" aria-label={`Save role for ${member.email}`}>
        Save
      </Button>
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

/** Without JavaScript, Reset MFA asks first with a disclosure: the button opens, the second one acts. */
function ResetMfa({ member }: { member: MemberRow }) {
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none rounded-md px-2.5 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        aria-label={`Reset MFA for ${member.email}`}
      >
        Reset MFA
      </summary>
      <form
        action={resetMemberMfaAction}
        className="absolute right-0 z-10 mt-2 w-72 space-y-2 rounded-md bg-white p-3 text-left text-sm shadow-lg ring-1 ring-slate-200"
      >
        <input type="hidden" name="userId" value={member.userId} />
        <p>
          Remove {member.email}&apos;s authenticator app and recovery codes? They will be signed out everywhere, remembered browsers included, and need to set
          it up again.
        </p>
        <Button type="submit" size="sm" variant="danger">
          Yes, reset MFA
        </Button>
      </form>
    </details>
  );
}

/** The row's actions: one menu with JavaScript; without it, the plain forms below. */
function Row({ member, isSelf, hasMfa }: { member: MemberRow; isSelf: boolean; hasMfa: boolean }) {
  return (
    <MemberRowMenu
      userId={member.userId}
      email={member.email}
      isSelf={isSelf}
      hasMfa={hasMfa}
      fallback={<PlainRowActions member={member} isSelf={isSelf} hasMfa={hasMfa} />}
    />
  );
}

function PlainRowActions({ member, isSelf, hasMfa }: { member: MemberRow; isSelf: boolean; hasMfa: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      {hasMfa ? <ResetMfa member={member} /> : null}
      <form action={sendPasswordResetAction}>
        <input type="hidden" name="userId" value={member.userId} />
        <Button type="submit" size="sm" variant="secondary" aria-label={`Send password reset to ${member.email}`}>
          Send reset
        </Button>
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

/**
 * "SSO off for this member", optionally until a date: a plain form, so it works without JavaScript.
 * An exemption whose date has passed shows as none (the sweep clears it within a minute).
 */
function SsoExemption({ member, exemptNow }: { member: MemberRow; exemptNow: boolean }) {
  const id = `sso-exempt-${member.userId}`;
  return (
    <form action={setSsoExemptionAction} className="mt-2 flex flex-wrap items-center justify-end gap-2 text-xs">
      <input type="hidden" name="userId" value={member.userId} />
      <label htmlFor={id} className="flex items-center gap-1 text-slate-700">
        <input id={id} type="checkbox" name="ssoExempt" value="on" defaultChecked={exemptNow} aria-label={`SSO off for ${member.email}`} />
        SSO off
      </label>
      <label htmlFor={`${id}-until`} className="sr-only">
        SSO off for {member.email} until (optional)
      </label>
      <input
        id={`${id}-until`}
        type="date"
        name="until"
        defaultValue={exemptNow ? (member.ssoExemptUntil?.toISOString().slice(0, 10) ?? "") : ""}
        className="rounded-md border-0 px-1 py-0.5 text-xs ring-1 ring-slate-300"
      />
      <Button type="submit" size="sm" variant="secondary" aria-label={`Save SSO exemption for ${member.email}`}>
        Save
      </Button>
    </form>
  );
}

export const MemberActions = { Role, Row, SsoExemption };
