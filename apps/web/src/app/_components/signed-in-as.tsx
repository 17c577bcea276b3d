import { cn } from "@gatehouse/ui";
import { signOutAction } from "../(console)/actions";

/** The signed-in email and the sign-out button, at the right of every console header. */
export function SignedInAs({ email, hoverClassName = "hover:bg-slate-100" }: { email: string; hoverClassName?: string }) {
  return (
    <>
      <span className="text-slate-600" data-testid="signed-in-as">
        {email}
      </span>
      <form action={signOutAction}>
        <button type="submit" className={cn("rounded px-2 py-1 font-medium text-slate-700", hoverClassName)}>
          Sign out
        </button>
      </form>
    </>
  );
}
