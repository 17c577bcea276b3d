import { defaultSsoDatabaseUrl, type SsoContext } from "@gatehouse/sso";
import { env } from "@/env";
import { coreContext } from "./context";

/** The SSO operations' context: core plus the encryption key and Jackson's database. */
export function ssoContext(): SsoContext {
  const e = env();
  return { ...coreContext(), encryptionKey: e.ENCRYPTION_KEY, ssoDatabaseUrl: e.SSO_DATABASE_URL ?? defaultSsoDatabaseUrl(e.DATABASE_URL) };
}
