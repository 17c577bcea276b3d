import { createTxtLookup, parseDnsServers, type DomainContext, type TxtLookup } from "@gatehouse/core";
import { env } from "@/env";
import { coreContext } from "./context";

const globalStore = globalThis as unknown as { gatehouseTxtLookup?: TxtLookup };

/** The core context plus a TXT lookup aimed at DNS_SERVERS (or the system's resolvers). */
export function domainContext(): DomainContext {
  const e = env();
  globalStore.gatehouseTxtLookup ??= createTxtLookup({ servers: parseDnsServers(e.DNS_SERVERS), timeoutMs: e.DNS_TIMEOUT_MS });
  return { ...coreContext(), lookupTxt: globalStore.gatehouseTxtLookup };
}
