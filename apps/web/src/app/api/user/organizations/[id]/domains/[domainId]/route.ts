import { removeDomain, setAutoJoin, setIncludeSubdomains } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { findAccountDomain, toApiDomain } from "@/server/api/domains";
import { notFound, refuse, succeed } from "@/server/api/envelope";
import { removeDomainSpec, updateDomainSpec } from "@/server/api/specs/domains";
import { domainContext } from "@/server/domain-context";

export const PUT = apiRoute(updateDomainSpec, async ({ caller, account, params, body }) => {
  const target = { accountId: account.id, domainId: params.domainId, actor: caller.actor };
  if (!(await findAccountDomain(account.id, params.domainId))) return notFound("domain");
  if (body.includeSubdomains !== undefined) {
    const changed = await setIncludeSubdomains(domainContext(), { ...target, includeSubdomains: body.includeSubdomains });
    if (!changed.ok) return refuse(409, "DOMAIN_CHANGE_REFUSED", changed.error);
  }
  if (body.autoJoin !== undefined) {
    // Joining needs a verified domain: a state of the domain, not of the request (409).
    const changed = await setAutoJoin(domainContext(), { ...target, autoJoin: body.autoJoin });
    if (!changed.ok) return refuse(409, "DOMAIN_CHANGE_REFUSED", changed.error);
  }
  const row = await findAccountDomain(account.id, params.domainId);
  return row ? succeed(toApiDomain(row), "Domain settings saved") : notFound("domain");
});

export const DELETE = apiRoute(removeDomainSpec, async ({ caller, account, params }) => {
  if (!(await findAccountDomain(account.id, params.domainId))) return notFound("domain");
  const removed = await removeDomain(domainContext(), { accountId: account.id, domainId: params.domainId, actor: caller.actor });
  if (!removed.ok) return notFound("domain");
  return succeed({ id: params.domainId, domain: removed.value.domain, deleted: true }, `${removed.value.domain} removed`);
});
