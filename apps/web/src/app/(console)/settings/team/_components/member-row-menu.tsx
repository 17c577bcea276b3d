"use client";

import { useRef, useState, type ReactNode } from "react";
import {
  Button,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  useHydrated,
} from "@gatehouse/ui";
import { removeMemberAction, resetMemberMfaAction, sendPasswordResetAction } from "../actions";

type Question = "reset-mfa" | "remove";

/**
 * A member row's actions as one menu. Those that ask first open the confirmation dialog once the
 * menu has closed (two focus traps at once fight over focus); closing the dialog returns focus to
 * the menu's trigger. Before hydration (and without JavaScript) `fallback` shows the plain forms.
 */
export function MemberRowMenu(props: { userId: string; email: string; isSelf: boolean; hasMfa: boolean; fallback: ReactNode }) {
  const hydrated = useHydrated();
  const trigger = useRef<HTMLButtonElement>(null);
  const forms = { reset: useRef<HTMLFormElement>(null), "reset-mfa": useRef<HTMLFormElement>(null), remove: useRef<HTMLFormElement>(null) };
  const asked = useRef<Question | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  if (!hydrated) return <>{props.fallback}</>;

  const target = <input type="hidden" name="userId" value={props.userId} />;
  const backToTrigger = (event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  };
  return (
    <div className="flex justify-end">
      <form ref={forms.reset} action={sendPasswordResetAction} hidden>
        {target}
      </form>
      <form ref={forms["reset-mfa"]} action={resetMemberMfaAction} hidden>
        {target}
      </form>
      <form ref={forms.remove} action={removeMemberAction} hidden>
        {target}
        <input type="hidden" name="confirm" value="on" />
      </form>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} size="sm" variant="secondary" aria-label={`Actions for ${props.email}`}>
            Actions
            <span aria-hidden>▾</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          onCloseAutoFocus={(event) => {
            if (!asked.current) return;
            event.preventDefault();
            setQuestion(asked.current);
            asked.current = null;
          }}
        >
          <DropdownMenuItem onSelect={() => forms.reset.current?.requestSubmit()}>Send password reset</DropdownMenuItem>
          {props.hasMfa ? <DropdownMenuItem onSelect={() => (asked.current = "reset-mfa")}>Reset MFA…</DropdownMenuItem> : null}
          {props.isSelf ? null : (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem destructive onSelect={() => (asked.current = "remove")}>
                Remove…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={question === "reset-mfa"}
        onOpenChange={(open) => setQuestion(open ? "reset-mfa" : null)}
        onCloseAutoFocus={backToTrigger}
        title={`Reset MFA for ${props.email}?`}
        description="Their authenticator app and recovery codes stop working, and they are signed out everywhere, remembered browsers included. They will need to set it up again."
        confirmLabel="Yes, reset MFA"
        onConfirm={() => forms["reset-mfa"].current?.requestSubmit()}
      />
      <ConfirmDialog
        open={question === "remove"}
        onOpenChange={(open) => setQuestion(open ? "remove" : null)}
        onCloseAutoFocus={backToTrigger}
        title={`Remove ${props.email}?`}
        description="They lose access to this account at once, and every session of theirs ends. You can invite them again later."
        confirmLabel="Remove member"
        onConfirm={() => forms.remove.current?.requestSubmit()}
      />
    </div>
  );
}
