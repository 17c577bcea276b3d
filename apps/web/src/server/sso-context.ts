import { defaultSsoDatabaseUrl, guardedFetch, type SsoContext } from "@gatehouse/sso";
import { env } from "@/env";
import { coreContext } from "./context";
import { outboundPolicy } from "./outbound-policy";

/** The SSO operations' context: core plus the encryption key, Jackson's database and the guarded fetch. */
export function ssoContext(): SsoContext {
  const e = env();
  return {
    ...coreContext(),
    encryptionKey: e.ENCRYPTION_KEY,
    ssoDatabaseUrl: e.SSO_DATABASE_URL ?? defaultSsoDatabaseUrl(e.DATABASE_URL),
    fetchImpl: guardedFetch(outboundPolicy(e)),
  };
}
