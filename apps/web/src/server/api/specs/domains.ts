import { z } from "zod";
import { defineSpec } from "../route-spec";
import { accountParams, BASE } from "./common";

export const domainSchema = z
  .object({
    id: z.uuid(),
    domain: z.string(),
    status: z.string().meta({ description: "pending, verified, …" }),
    includeSubdomains: z.boolean(),
    autoJoin: z.enum(["off", "join", "request"]),
    txtRecord: z.object({ name: z.string(), value: z.string() }).meta({ description: "Publish this TXT record, then POST …/verify" }),
    verifiedAt: z.iso.datetime().nullable(),
    lastCheckedAt: z.iso.datetime().nullable(),
    lastCheckDetail: z.string().nullable(),
  })
  .meta({ id: "Domain" });

const domainParams = accountParams.extend({ domainId: z.uuid() });
const DOMAINS = `${BASE}/{id}/domains`;

export const listDomainsSpec = defineSpec({
  method: "GET",
  path: DOMAINS,
  operationId: "listDomains",
  summary: "The account's domains",
  tag: "Domains",
  params: accountParams,
  data: z.array(domainSchema),
  adminOnly: true,
});
export const addDomainSpec = defineSpec({
  method: "POST",
  path: DOMAINS,
  operationId: "addDomain",
  summary: "Claim a domain",
  description: "Answers with the TXT record's name and value to publish.",
  tag: "Domains",
  params: accountParams,
  body: z.object({ domain: z.string().trim().min(1, "Enter a domain, like acme.com.").max(300, "That is too long for a domain name.") }),
  data: domainSchema,
  successStatus: 201,
  adminOnly: true,
  errors: [400, 409, 422],
});
export const verifyDomainSpec = defineSpec({
  method: "POST",
  path: `${DOMAINS}/{domainId}/verify`,
  operationId: "verifyDomain",
  summary: "Check the TXT record now",
  description: "200 with status verified when found; 422 DOMAIN_NOT_VERIFIED with the domain (and why) when not yet.",
  tag: "Domains",
  params: domainParams,
  data: domainSchema,
  adminOnly: true,
  errors: [404, 422],
});
export const updateDomainSpec = defineSpec({
  method: "PUT",
  path: `${DOMAINS}/{domainId}`,
  operationId: "updateDomain",
  summary: "Set who may join through the domain, and whether it covers subdomains",
  tag: "Domains",
  params: domainParams,
  body: z
    .object({ autoJoin: z.enum(["off", "join", "request"], { message: "Choose off, join or request." }).optional(), includeSubdomains: z.boolean().optional() })
    .refine((b) => b.autoJoin !== undefined || b.includeSubdomains !== undefined, {
      message: "Send autoJoin, includeSubdomains, or both.",
      path: ["autoJoin"],
    }),
  data: domainSchema,
  adminOnly: true,
  errors: [400, 404, 409, 422],
});
export const removeDomainSpec = defineSpec({
  method: "DELETE",
  path: `${DOMAINS}/{domainId}`,
  operationId: "removeDomain",
  summary: "Remove a domain",
  tag: "Domains",
  params: domainParams,
  data: z.object({ id: z.uuid(), domain: z.string(), deleted: z.literal(true) }),
  adminOnly: true,
  errors: [404],
});
