import Link from "next/link";

/** The email the person typed, with a way back to the email step (keeping the callback). */
export function ChosenEmail({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const changeHref = `/login?${new URLSearchParams(callbackUrl ? { callbackUrl } : {}).toString()}`;
  return (
    <div className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-2 text-sm">
      <span className="truncate text-slate-800" data-testid="login-email">
        {email}
      </span>
      <Link href={changeHref} className="font-medium text-indigo-700 hover:underline">
        Change
      </Link>
    </div>
  );
}
