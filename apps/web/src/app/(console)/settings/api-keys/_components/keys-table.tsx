import type { ApiKeyView } from "@gatehouse/core";
import { Badge, CardTable } from "@gatehouse/ui";
import { RevokeCell } from "@/app/(console)/_components/revoke-cell";
import { formatUtc } from "../../security/_lib/format";
import { revokeApiKeyAction } from "../actions";

const STATE_TONE = { active: "emerald", revoked: "red", expired: "amber" } as const;

/** Keys by their visible prefix, never the secret; each active one can be revoked. */
export function KeysTable({ keys, caption, showOwner = false }: { keys: ApiKeyView[]; caption: string; showOwner?: boolean }) {
  const columns = [
    "Name",
    ...(showOwner ? ["Member"] : []),
    "Key",
    "Scope",
    "Created",
    "Last used",
    "Expires",
    "State",
    { label: "Actions", hidden: true as const },
  ];
  return (
    <CardTable columns={columns} caption={caption} empty={keys.length === 0 && "None yet."}>
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
          <RevokeCell canRevoke={key.state === "active"} action={revokeApiKeyAction} fields={{ keyId: key.id }} label={`Revoke ${key.name}`} />
        </tr>
      ))}
    </CardTable>
  );
}
