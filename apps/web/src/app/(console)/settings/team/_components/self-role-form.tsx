"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { ConfirmDialog, useHydrated } from "@gatehouse/ui";

/**
 * The role form of the signed-in admin's own row. Choosing Member and saving asks first (they
 * would lose the console); without JavaScript a checkbox, required by the server, asks instead.
 */
export function SelfRoleForm({
  action,
  email,
  accountName,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  email: string;
  accountName: string;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const role = new FormData(event.currentTarget).get("role");
    if (role === "member" && !confirmed.current) {
      event.preventDefault();
      setAsking(true);
    }
  };
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      {children}
      {hydrated ? (
        <>
          <input type="hidden" name="confirm" value="on" />
          <ConfirmDialog
            open={asking}
            onOpenChange={setAsking}
            title="Make yourself a Member?"
            description={
              <>
                You ({email}) will lose the admin console of {accountName} at once: Team, Security and Domains close to you until another admin makes you an
                admin again.
              </>
            }
            confirmLabel="Make me a Member"
            onConfirm={() => {
              confirmed.current = true;
              form.current?.requestSubmit();
            }}
          />
        </>
      ) : (
        <span className="flex items-center gap-1 text-xs text-slate-700">
          <input id="self-demotion-confirm" name="confirm" type="checkbox" value="on" className="h-4 w-4 rounded border-slate-300" />
          <label htmlFor="self-demotion-confirm">I understand I will lose the console</label>
        </span>
      )}
    </form>
  );
}
