import { useAnotherAccount } from "../actions";
import { PasswordInsteadLink } from "./password-instead-link";

/** "Continue as ada@acme.test with Okta": one click starts that connection again. */
export function RememberedChoice({
  email,
  connection,
  callbackUrl,
  passwordHref,
}: {
  email: string;
  connection: { id: string; name: string };
  callbackUrl: string;
  /** Null where the domain or account requires SSO: a password would be refused. */
  passwordHref: string | null;
}) {
  return (
    <div className="space-y-3">
      <form method="post" action="/api/sso/start">
        <input type="hidden" name="connectionId" value={connection.id} />
        <input type="hidden" name="purpose" value="sign_in" />
        <input type="hidden" name="callbackUrl" value={callbackUrl || "/"} />
        <input type="hidden" name="loginHint" value={email} />
        <button type="submit" className="w-full rounded-md bg-indigo-600 px-3.5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
          Continue as {email} with {connection.name}
        </button>
      </form>
      <form action={useAnotherAccount}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button
          type="submit"
          className="w-full rounded-md bg-white px-3.5 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          Use another account
        </button>
      </form>
      <PasswordInsteadLink href={passwordHref} />
    </div>
  );
}
