import { headers } from "next/headers";

/** The client's IP as the nearest proxy reports it; null when unknown (direct local requests). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return ipFromHeaders(h);
}

export function ipFromHeaders(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || null;
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
