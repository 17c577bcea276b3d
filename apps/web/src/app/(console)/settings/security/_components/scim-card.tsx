import { decodeScimLogCursor, getScimConsoleView, listScimRequestLog, ROLE_LABELS, SCIM_TOKEN_GRACE_HOURS } from "@gatehouse/core";
import { Badge, Button, Card, CardHeader, CardTable, Select } from "@gatehouse/ui";
import { RevokeCell } from "@/app/(console)/_components/revoke-cell";
import { coreContext } from "@/server/context";
import { disableScimAction, revokeScimTokenAction, setScimDefaultRoleAction } from "../scim-actions";
import { formatUtc } from "../_lib/format";
import { SECURITY } from "../_lib/connection-action";
import { ScimRequestLog } from "./scim-request-log";
import { ScimSelfTest } from "./scim-self-test";
import { ScimBaseUrlSection, ScimSetupSection } from "./scim-endpoint";
import { ScimTokenIssuer } from "./scim-token-issuer";

type View = NonNullable<Awaited<ReturnType<typeof getScimConsoleView>>>;

/** SCIM 2.0 provisioning for one connection: switch on, tokens, setup notes, self-test, request log. */
export async function ScimCard({ accountId, connectionId, logCursor }: { accountId: string; connectionId: string; logCursor: unknown }) {
  const ctx = coreContext();
  const view = await getScimConsoleView(ctx, accountId, connectionId);
  const enabled = view?.directory.enabled ?? false;
  const before = decodeScimLogCursor(logCursor);
  const log = view && enabled ? await listScimRequestLog(ctx.db, view.directory.id, { before }) : null;
  const basePath = `${SECURITY}/${connectionId}`;

  return (
    <Card>
      <CardHeader
        title="SCIM provisioning"
        actions={enabled ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>}
        description="With SCIM on, people your IdP assigns to this app join the account (and get an email to sign in with SSO), and people it unassigns or deactivates are removed with their sessions ended. Roles stay yours to set."
      />
      <ScimTokenIssuer connectionId={connectionId} enabled={enabled} baseUrl={view && enabled ? view.baseUrl : null} graceHours={SCIM_TOKEN_GRACE_HOURS} />
      {view && enabled ? (
        <div className="divide-y divide-slate-100 border-t border-slate-100">
          <ScimBaseUrlSection baseUrl={view.baseUrl} />
          <TokenList connectionId={connectionId} tokens={view.tokens} />
          <DefaultRole connectionId={connectionId} role={view.directory.defaultRole} />
          <ScimSetupSection baseUrl={view.baseUrl} />
          <section aria-labelledby="scim-self-test-heading" className="space-y-2 px-5 py-4">
            <h3 id="scim-self-test-heading" className="text-sm font-semibold text-slate-900">
              Self-test
            </h3>
            <ScimSelfTest connectionId={connectionId} />
          </section>
          <section aria-labelledby="scim-log-heading" className="space-y-2 px-5 py-4">
            <h3 id="scim-log-heading" className="text-sm font-semibold text-slate-900">
              Request log
            </h3>
            {log ? <ScimRequestLog page={log} basePath={basePath} isFirstPage={!before} /> : null}
          </section>
          <DisableScim connectionId={connectionId} />
        </div>
      ) : null}
    </Card>
  );
}

function tokenStatus(token: View["tokens"][number]) {
  switch (token.state) {
    case "active":
      return <Badge tone="emerald">Active</Badge>;
    case "grace":
      return (
        <span>
          <Badge tone="amber">Rotated</Badge> expires {formatUtc(token.expiresAt)} (grace period)
        </span>
      );
    case "expired":
      return (
        <span>
          <Badge>Expired</Badge> {formatUtc(token.expiresAt)}
        </span>
      );
    case "revoked":
      return (
        <span>
          <Badge tone="red">Revoked</Badge> {formatUtc(token.revokedAt)}
        </span>
      );
  }
}

function TokenList({ connectionId, tokens }: { connectionId: string; tokens: View["tokens"] }) {
  return (
    <section aria-labelledby="scim-tokens-heading" className="space-y-2 px-5 py-4">
      <h3 id="scim-tokens-heading" className="text-sm font-semibold text-slate-900">
        Tokens
      </h3>
      <CardTable columns={["Token", "Created", "Last used", "Status", { label: "Actions", hidden: true as const }]} caption="SCIM tokens">
        {tokens.map((token) => (
          <tr key={token.id} data-testid="scim-token-row" data-state={token.state}>
            <td className="px-5 py-2 font-mono text-xs">{token.prefix}…</td>
            <td className="px-5 py-2 text-slate-600">{formatUtc(token.createdAt)}</td>
            <td className="px-5 py-2 text-slate-600">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : "Never"}</td>
            <td className="px-5 py-2 text-slate-700">{tokenStatus(token)}</td>
            <RevokeCell
              canRevoke={token.state === "active" || token.state === "grace"}
              action={revokeScimTokenAction}
              fields={{ connectionId, tokenId: token.id }}
              confirm={{ id: `revoke-${token.id}`, label: `Confirm revoking ${token.prefix}…` }}
            />
          </tr>
        ))}
      </CardTable>
      <p className="text-xs text-slate-500">Revoking stops a token at once: your IdP gets 401 until it has a working token.</p>
    </section>
  );
}

function DefaultRole({ connectionId, role }: { connectionId: string; role: "admin" | "member" }) {
  return (
    <section aria-labelledby="scim-role-heading" className="space-y-2 px-5 py-4">
      <h3 id="scim-role-heading" className="text-sm font-semibold text-slate-900">
        Role for new members
      </h3>
      <form action={setScimDefaultRoleAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <Select
          name="role"
          label="Default role"
          defaultValue={role}
          options={(["member", "admin"] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          hint="People your IdP provisions join with this role. You change anyone’s role on the Team page; the IdP never does."
          className="w-64"
        />
        <Button type="submit" variant="secondary">
          Save role
        </Button>
      </form>
    </section>
  );
}

function DisableScim({ connectionId }: { connectionId: string }) {
  return (
    <section aria-labelledby="scim-disable-heading" className="space-y-2 px-5 py-4">
      <h3 id="scim-disable-heading" className="text-sm font-semibold text-slate-900">
        Switch off SCIM
      </h3>
      <form action={disableScimAction} className="space-y-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <div className="flex items-start gap-2">
          <input id="scim-disable-confirm" name="confirm" type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-red-600" />
          <label htmlFor="scim-disable-confirm" className="text-sm text-slate-800">
            I understand provisioning stops and every token is revoked
          </label>
        </div>
        <Button type="submit" variant="danger">
          Disable SCIM
        </Button>
      </form>
      <p className="text-xs text-slate-500">Members SCIM added stay in the account until you remove them.</p>
    </section>
  );
}
