import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getConnection, getEnabledConnection, startSsoFlow } from "@gatehouse/sso";
import { getCurrentSession, type AccountSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { adminAccessOf } from "@/server/admin-guard";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { attachBrowserSecret, readBrowserSecret } from "@/server/sso-browser-binding";
import { refusalLocation, seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";
import { flashTo } from "@/server/flash";

const startSchema = z.object({
  connectionId: z.string().uuid(),
  purpose: z.enum(["sign_in", "authenticate"]).default("sign_in"),
  callbackUrl: z.string().optional(),
  loginHint: z.string().max(320).optional(),
});

/**
 * Starts an SSO round trip. A sign-in needs an enabled connection; Authenticate needs an admin
 * of the connection's account, signed in. Accepts a form post (buttons) or a GET (links).
 */
async function start(params: Record<string, string>, browserSecret: string | null) {
  const parsed = startSchema.safeParse(params);
  if (!parsed.success) return seeOther(refusalLocation("That sign-in link is incomplete.", "Go back to the login page and try again."));
  const ctx = ssoContext();
  let connection = null;
  let actorUserId: string | null = null;
  if (parsed.data.purpose === "authenticate") {
    const session = await getCurrentSession();
    if (!session?.activeAccount) return seeOther(`/login?callbackUrl=${encodeURIComponent("/settings/security")}`);
    const access = await adminAccessOf(session as AccountSession);
    if (!access.ok) return seeOther(refusalLocation("Only account admins can run Authenticate.", "Ask an admin of your account."));
    connection = await getConnection(ctx.db, access.accountId, parsed.data.connectionId);
    actorUserId = session.user.id;
  } else {
    connection = await getEnabledConnection(ctx.db, parsed.data.connectionId);
  }
  if (!connection)
    return seeOther(refusalLocation("This sign-in option is not available.", "It may have been switched off. Sign in another way, or ask your admin."));
  const started = await startSsoFlow(ctx, {
    connection,
    purpose: parsed.data.purpose,
    actorUserId,
    callbackUrl: safeCallbackUrl(parsed.data.callbackUrl, parsed.data.purpose === "authenticate" ? "/settings/security" : "/"),
    loginHint: parsed.data.loginHint,
    browserSecret,
    startingSessionId: await readSessionId(),
  });
  if (!started.ok)
    return seeOther(
      parsed.data.purpose === "authenticate"
        ? await flashTo(`/settings/security/${connection.id}`, { tone: "error", text: started.error })
        : refusalLocation(started.error, "Try again in a moment, or sign in another way."),
    );
  // The flow only completes in a browser holding this secret (login CSRF).
  const next =
    "html" in started.value
      ? new NextResponse(started.value.html, { headers: { "content-type": "text/html; charset=utf-8" } })
      : seeOther(started.value.redirectUrl);
  return attachBrowserSecret(next, started.value.browserSecret);
}

export async function POST(request: NextRequest) {
  const form = await request.formData();
  const params = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  return start(params, readBrowserSecret(request));
}

export async function GET(request: NextRequest) {
  return start(Object.fromEntries(request.nextUrl.searchParams.entries()), readBrowserSecret(request));
}
