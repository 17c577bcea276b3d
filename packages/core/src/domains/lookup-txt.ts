import { Resolver } from "node:dns/promises";

/** What one TXT query said. Codes are stored as the last check result. */
export type TxtLookupOutcome =
  { code: "found"; values: string[] } | { code: "no_such_domain" } | { code: "no_txt_record" } | { code: "timeout" } | { code: "dns_error"; detail: string };

export type TxtLookup = (name: string) => Promise<TxtLookupOutcome>;

export type TxtLookupOptions = {
  /** "host" or "host:port" entries; empty or absent: the system's resolvers. */
  servers?: string[];
  /** Per attempt. */
  timeoutMs?: number;
  tries?: number;
};

/** Parses DNS_SERVERS ("127.0.0.1:5353, 10.0.0.2"): the value of an env setting, never empty strings. */
export function parseDnsServers(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A TXT lookup against the configured servers, with a timeout and an outcome code instead of an error. */
export function createTxtLookup(options: TxtLookupOptions = {}): TxtLookup {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 3000, tries: options.tries ?? 2 });
  if (options.servers?.length) resolver.setServers(options.servers);
  return async (name) => {
    try {
      // A TXT record may be split into 255-byte strings; they form one value (RFC 7208 §3.3).
      const records = await resolver.resolveTxt(name);
      return records.length ? { code: "found", values: records.map((chunks) => chunks.join("")) } : { code: "no_txt_record" };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTFOUND") return { code: "no_such_domain" };
      if (code === "ENODATA") return { code: "no_txt_record" };
      if (code === "ETIMEOUT") return { code: "timeout" };
      return { code: "dns_error", detail: code ?? "unknown" };
    }
  };
}
