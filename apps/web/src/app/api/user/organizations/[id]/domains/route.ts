import { addDomain, listAccountDomains, normaliseDomain } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { toApiDomain } from "@/server/api/domains";
import { refuse, succeed, validationFailed } from "@/server/api/envelope";
import { addDomainSpec, listDomainsSpec } from "@/server/api/specs/domains";
import { db } from "@/server/context";
import { domainContext } from "@/server/domain-context";

export const GET = apiRoute(listDomainsSpec, async ({ account }) => succeed((await listAccountDomains(db(), account.id)).map(toApiDomain)));

export const POST = apiRoute(addDomainSpec, async ({ caller, account, body }) => {
  const domain = normaliseDomain(body.domain);
  if (!domain.ok) return validationFailed({ domain: domain.error });
  if ((await listAccountDomains(db(), account.id)).some((d) => d.domain === domain.value))
    return refuse(409, "DOMAIN_EXISTS", `${domain.value} is already on this account.`);
  const added = await addDomain(domainContext(), { accountId: account.id, domain: body.domain, actor: caller.actor });
  if (!added.ok) return refuse(422, "DOMAIN_REFUSED", added.error, { fields: { domain: added.error } });
  return succeed(toApiDomain(added.value), `${added.value.domain} added. Publish the TXT record, then POST …/verify.`, 201);
});
