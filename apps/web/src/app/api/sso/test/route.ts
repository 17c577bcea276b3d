import { NextResponse, type NextRequest } from "next/server";
import { beginTestSignIn, startSsoFlow } from "@gatehouse/sso";
import { attachBrowserSecret, readBrowserSecret } from "@/server/sso-browser-binding";
import { refusalLocation, seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/**
 * The link in a "test this connection" email: starts an SP-initiated sign-in for that member.
 * The link is not used up here (mail scanners open links); a successful test completes it.
 */
export async function GET(request: NextRequest) {
  const ctx = ssoContext();
  const begun = await beginTestSignIn(ctx, request.nextUrl.searchParams.get("token") ?? "");
  if (!begun.ok) return noStore(seeOther(refusalLocation(begun.error, "Ask your admin to send a new test email.")));
  const started = await startSsoFlow(ctx, {
    connection: begun.value.connection,
    purpose: "test_email",
    testId: begun.value.testId,
    loginHint: begun.value.email,
    browserSecret: readBrowserSecret(request),
  });
  if (!started.ok) return noStore(seeOther(refusalLocation(started.error, "Ask your admin to check the connection's settings.")));
  // The member's test sign-in completes only in this browser, like any other flow.
  const next =
    "html" in started.value
      ? new NextResponse(started.value.html, { headers: { "content-type": "text/html; charset=utf-8" } })
      : seeOther(started.value.redirectUrl);
  return noStore(attachBrowserSecret(next, started.value.browserSecret));
}

// The token is in the URL: keep it out of caches and Referer headers.
function noStore(response: NextResponse): NextResponse {
  response.headers.set("cache-control", "no-store");
  response.headers.set("referrer-policy", "no-referrer");
  return response;
}
