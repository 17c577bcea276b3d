import type { AccountChoice } from "@gatehouse/core";
import { switchAccountAction } from "../actions";

/**
 * A plain form so switching works without JavaScript; the button submits the chosen account.
 * Accounts this session's sign-in did not prove say so: choosing one asks for its sign-in.
 */
export function AccountSwitcher({ accounts, activeId }: { accounts: AccountChoice[]; activeId: string | null }) {
  if (accounts.length === 0) return null;
  if (accounts.length === 1) return <span className="rounded bg-slate-100 px-2 py-1 text-sm font-medium">{accounts[0]!.name}</span>;
  return (
    <form action={switchAccountAction} className="flex items-center gap-1">
      <label htmlFor="account-switcher" className="sr-only">
        Account
      </label>
      <select
        id="account-switcher"
        name="accountId"
        defaultValue={activeId ?? undefined}
        className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300"
      >
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.granted ? a.name : `${a.name} (sign-in needed)`}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
        Switch
      </button>
    </form>
  );
}
