import type { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/env";

// Not a secret and no session: only what this browser's person typed and picked, so /login can
// offer "Continue as … with …" next time.
const MAX_AGE_SECONDS = 90 * 24 * 60 * 60;
const choiceSchema = z.object({ email: z.string().email().max(320), connectionId: z.string().uuid() });
export type LastSsoChoice = z.infer<typeof choiceSchema>;

function cookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Host-gh_last_sso" : "gh_last_sso";
}

const options = (maxAge: number) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: cookieName().startsWith("__Host-"), maxAge });

/** After an SSO sign-in: remember who signed in with which connection, on this browser. */
export function rememberSsoChoice(response: NextResponse, choice: LastSsoChoice): NextResponse {
  const parsed = choiceSchema.safeParse(choice);
  if (parsed.success) response.cookies.set(cookieName(), Buffer.from(JSON.stringify(parsed.data)).toString("base64url"), options(MAX_AGE_SECONDS));
  return response;
}

/** The remembered choice, if this browser holds a well-formed one. */
export async function readLastSsoChoice(): Promise<LastSsoChoice | null> {
  const raw = (await cookies()).get(cookieName())?.value;
  if (!raw) return null;
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "Use another account": this browser forgets the choice (from a server action). */
export async function forgetLastSsoChoice(): Promise<void> {
  (await cookies()).set(cookieName(), "", options(0));
}
