import { lookup as systemLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { refusedKind, type OutboundPolicy } from "./address-policy";
import { OutboundRefusedError } from "./refusal";

/** Resolves a host name to every address it has, like getaddrinfo. Tests pass their own. */
export type ResolveName = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystem: ResolveName = (hostname) =>
  new Promise((resolve, reject) => {
    systemLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

export type GuardedAgentOptions = {
  resolveName?: ResolveName;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
};

/**
 * An undici Agent that checks the address of every connection it opens, after name resolution
 * and before connecting, so a redirect hop, a DNS answer that changed since a form was checked
 * (rebinding) or a numeric host form (2130706433, 0x7f.1) cannot slip past.
 */
export function createGuardedAgent(policy: OutboundPolicy, options: GuardedAgentOptions): Agent {
  const resolveName = options.resolveName ?? resolveWithSystem;
  // Every address of the name must be acceptable: the socket may try any of them (happy eyeballs).
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveName(hostname).then(
      (found) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? found.filter((a) => a.family === lookupOptions.family) : found;
        for (const { address } of found) {
          const kind = refusedKind(address, policy);
          if (kind !== null) return callback(new OutboundRefusedError(hostname, kind), "", 0);
        }
        const first = wanted[0];
        if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "", 0);
        if (lookupOptions.all === true) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
  const connect = buildConnector({ timeout: options.connectTimeoutMs, lookup });
  return new Agent({
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    connect: (connectOptions, callback) => {
      // Node skips `lookup` for IP literals, so those are judged here.
      const host = connectOptions.hostname.replace(/^\[(.*)\]$/, "$1");
      if (isIP(host) !== 0) {
        const kind = refusedKind(host, policy);
        if (kind !== null) {
          callback(new OutboundRefusedError(connectOptions.hostname, kind), null);
          return;
        }
      }
      connect(connectOptions, callback);
    },
  });
}
