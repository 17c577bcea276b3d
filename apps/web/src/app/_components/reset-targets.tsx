export type MemberChoice = { userId: string; email: string; hasPassword: boolean };

/** The "who gets a reset link" choice, shared with the account admin's page. */
export function ResetTargets({ members, error, scope = "all" }: { members: MemberChoice[]; error?: string; scope?: string }) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "reset-targets-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Who gets a reset link</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="scope" value="all" defaultChecked={scope !== "chosen"} /> All members ({members.length})
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="scope" value="chosen" defaultChecked={scope === "chosen"} /> Only the members ticked below
      </label>
      <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200">
        {members.map((m) => (
          <li key={m.userId}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="userIds" value={m.userId} /> {m.email}
              {m.hasPassword ? null : <span className="text-xs text-amber-800">(never set a password)</span>}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id="reset-targets-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
