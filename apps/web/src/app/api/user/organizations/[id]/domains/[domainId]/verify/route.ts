import { verifyDomainNow } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { findAccountDomain, toApiDomain } from "@/server/api/domains";
import { notFound, refuse, succeed } from "@/server/api/envelope";
import { verifyDomainSpec } from "@/server/api/specs/domains";
import { domainContext } from "@/server/domain-context";

export const POST = apiRoute(verifyDomainSpec, async ({ caller, account, params }) => {
  if (!(await findAccountDomain(account.id, params.domainId))) return notFound("domain");
  const checked = await verifyDomainNow(domainContext(), { accountId: account.id, domainId: params.domainId, actor: caller.actor });
  if (!checked.ok) return refuse(422, "DOMAIN_NOT_VERIFIED", checked.error);
  const domain = toApiDomain(checked.value);
  return checked.value.status === "verified"
    ? succeed(domain, `${domain.domain} is verified.`)
    : refuse(422, "DOMAIN_NOT_VERIFIED", `${domain.domain} is not verified yet. ${domain.lastCheckDetail ?? ""}`.trim(), domain);
});
