import { z } from "zod";

export const addDomainSchema = z.object({
  domain: z.string().trim().min(1, { message: "Enter a domain, like acme.com." }).max(300, { message: "That is too long for a domain name." }),
});
export const domainTargetSchema = z.object({ domainId: z.string().uuid() });
export const includeSubdomainsSchema = domainTargetSchema.extend({ includeSubdomains: z.enum(["true", "false"]).transform((v) => v === "true") });
export const autoJoinSchema = domainTargetSchema.extend({ autoJoin: z.enum(["off", "join", "request"], { message: "Choose who may join." }) });
