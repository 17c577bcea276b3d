import type { ApiKeyView } from "@gatehouse/core";
import { Badge, Button, TableScroll } from "@gatehouse/ui";
import { formatUtc } from "../../security/_lib/format";
import { revokeApiKeyAction } from "../actions";

const STATE_TONE = { active: "emerald", revoked: "red", expired: "amber" } as const;

/** Keys by their visible prefix, never the secret; each active one can be revoked. */
export function KeysTable({ keys, caption, showOwner = false }: { keys: ApiKeyView[]; caption: string; showOwner?: boolean }) {
  if (keys.length === 0) return <p className="px-5 py-4 text-sm text-slate-600">None yet.</p>;
  return (
    <TableScroll>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {["Name", ...(showOwner ? ["Member"] : []), "Key", "Scope", "Created", "Last used", "Expires", "State", ""].map((h) => (
              <th key={h} scope="col" className="px-5 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <td className="px-5 py-2 font-medium text-slate-900">{key.name}</td>
              {showOwner ? <td className="px-5 py-2">{key.userEmail}</td> : null}
              <td className="px-5 py-2 font-mono text-xs">{key.prefix}…</td>
              <td className="px-5 py-2">{key.scope === "write" ? "Read and write" : "Read only"}</td>
              <td className="px-5 py-2">{formatUtc(key.createdAt)}</td>
              <td className="px-5 py-2">{key.lastUsedAt ? formatUtc(key.lastUsedAt) : "Never"}</td>
              <td className="px-5 py-2">{key.expiresAt ? formatUtc(key.expiresAt) : "Never"}</td>
              <td className="px-5 py-2">
                <Badge tone={STATE_TONE[key.state]}>{key.state}</Badge>
              </td>
              <td className="px-5 py-2 text-right">
                {key.state === "active" ? (
                  <form action={revokeApiKeyAction}>
                    <input type="hidden" name="keyId" value={key.id} />
                    <Button type="submit" variant="secondary" aria-label={`Revoke ${key.name}`}>
                      Revoke
                    </Button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
