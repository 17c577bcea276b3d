import { getScimConsoleView, SCIM_TOKEN_GRACE_HOURS } from "@gatehouse/core";
import { Badge, Card, CardHeader } from "@gatehouse/ui";
import { coreContext } from "@/server/context";
import { ScimBaseUrlSection, ScimSetupSection } from "./scim-endpoint";
import { ScimTokenIssuer } from "./scim-token-issuer";

/**
 * SCIM for a setup link that covers it: the base URL and a token (created or rotated, shown once)
 * to paste into the IdP. The default role, revoking tokens, switching SCIM off and the request log
 * (which names members) stay on the admins' card.
 */
export async function SetupLinkScim({ accountId, connectionId }: { accountId: string; connectionId: string }) {
  const view = await getScimConsoleView(coreContext(), accountId, connectionId);
  const enabled = view?.directory.enabled ?? false;
  return (
    <Card>
      <CardHeader
        title="SCIM provisioning"
        actions={enabled ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>}
        description="Give your IdP the SCIM base URL and a token, so people it assigns to this app join the account and those it removes leave."
      />
      <ScimTokenIssuer connectionId={connectionId} enabled={enabled} baseUrl={view && enabled ? view.baseUrl : null} graceHours={SCIM_TOKEN_GRACE_HOURS} />
      {view && enabled ? (
        <div className="divide-y divide-slate-100 border-t border-slate-100">
          <ScimBaseUrlSection baseUrl={view.baseUrl} />
          <ScimSetupSection baseUrl={view.baseUrl} />
        </div>
      ) : null}
    </Card>
  );
}
