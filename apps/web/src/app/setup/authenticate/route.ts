import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getConnection, startSsoFlow } from "@gatehouse/sso";
import { attachBrowserSecret } from "@/server/sso-browser-binding";
import { seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";
import { flashTo } from "@/server/flash";
import { SETUP_BASE, ssoSetupAccess } from "@/server/sso-setup-access";

const target = z.object({ connectionId: z.string().uuid() });

/**
 * Authenticate for a setup link's recipient. It lives under /setup because only there does the
 * browser send the link's cookie; the flow it starts is bound to the link and the connection, so
 * its callback records a result for the recipient and can never sign anyone in.
 */
export async function POST(request: NextRequest) {
  const access = await ssoSetupAccess("authenticate");
  if (!("base" in access) || !access.setupLink) return seeOther("/setup-link/refused?reason=unknown");
  const parsed = target.safeParse({ connectionId: (await request.formData()).get("connectionId") });
  if (!parsed.success) return seeOther(await flashTo(SETUP_BASE, { tone: "error", text: "That request was incomplete. Open the connection and try again." }));
  const ctx = ssoContext();
  const connection = await getConnection(ctx.db, access.accountId, parsed.data.connectionId);
  if (!connection) return seeOther(await flashTo(SETUP_BASE, { tone: "error", text: "That connection no longer exists." }));
  const here = `${SETUP_BASE}/${connection.id}`;
  const started = await startSsoFlow(ctx, { connection, purpose: "authenticate", setupLinkId: access.setupLink.id, callbackUrl: here });
  if (!started.ok) return seeOther(await flashTo(here, { tone: "error", text: started.error }));
  const next =
    "html" in started.value
      ? new NextResponse(started.value.html, { headers: { "content-type": "text/html; charset=utf-8" } })
      : seeOther(started.value.redirectUrl);
  return attachBrowserSecret(next, started.value.browserSecret);
}
