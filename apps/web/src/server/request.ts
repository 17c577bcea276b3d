import { headers } from "next/headers";
import { env } from "@/env";
import { forwardedClientIp } from "./forwarded-client-ip";

/** The client's IP as the configured trusted proxies report it; null when it cannot be trusted. */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return ipFromHeaders(h);
}

/** See `forwardedClientIp`: only the TRUSTED_PROXY_COUNT proxies' entries are believed. */
export function ipFromHeaders(h: Headers): string | null {
  return forwardedClientIp(h.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
