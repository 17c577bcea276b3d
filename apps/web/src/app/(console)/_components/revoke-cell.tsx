import { Button } from "@gatehouse/ui";

/**
 * The last cell of an API key or SCIM token row: a Revoke button while the secret still works.
 * `confirm` adds a checkbox that must be ticked first (the action refuses without it).
 */
export function RevokeCell({
  canRevoke,
  action,
  fields,
  label,
  confirm,
}: {
  canRevoke: boolean;
  action: (formData: FormData) => void | Promise<void>;
  /** Hidden form fields that name what to revoke. */
  fields: Record<string, string>;
  /** The button's accessible name when "Revoke" alone would be ambiguous, e.g. "Revoke Deploy bot". */
  label?: string;
  confirm?: { id: string; label: string };
}) {
  return (
    <td className="px-5 py-2 text-right">
      {canRevoke ? (
        <form action={action} className="flex items-center justify-end gap-2">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {confirm ? (
            <>
              <input id={confirm.id} name="confirm" type="checkbox" className="h-4 w-4 rounded border-slate-300 text-red-600" />
              <label htmlFor={confirm.id} className="text-xs text-slate-700">
                {confirm.label}
              </label>
            </>
          ) : null}
          <Button type="submit" variant={confirm ? "danger" : "secondary"} aria-label={label}>
            Revoke
          </Button>
        </form>
      ) : null}
    </td>
  );
}
