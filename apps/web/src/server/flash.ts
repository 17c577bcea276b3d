import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/env";
import { decodeFlash, encodeFlash, type Flash } from "@/lib/flash-message";

const COOKIE = "gatehouse.flash";

/**
 * Keeps a console action's result message for the page the browser is sent to next, and returns
 * that page's path carrying only the message's id. The text itself travels in an httpOnly cookie
 * this server set: a crafted link cannot put words into a console banner (issue #12).
 */
export async function flashTo(path: string, flash: Flash): Promise<string> {
  const id = randomBytes(12).toString("base64url");
  (await cookies()).set(COOKIE, encodeFlash({ id, at: Date.now(), ...flash }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().APP_URL.startsWith("https://"),
    // Long enough for the redirect that follows; a stale message never resurfaces later.
    maxAge: 120,
  });
  const [pathname, query = ""] = path.split("?", 2);
  const params = new URLSearchParams(query);
  params.set("flash", id);
  return `${pathname}?${params.toString()}`;
}

/** The message whose id the URL names, if this browser holds it; otherwise nothing. */
export async function readFlash(id: unknown): Promise<Flash | null> {
  if (typeof id !== "string") return null;
  const stored = decodeFlash((await cookies()).get(COOKIE)?.value);
  return stored && stored.id === id ? { tone: stored.tone, text: stored.text, at: stored.at, typed: stored.typed } : null;
}
