import type { NextRequest } from "next/server";
import { findAccountBySlug } from "@gatehouse/core";
import { listEnabledConnectionsForAccount } from "@gatehouse/sso";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { emailSchema } from "@/lib/validators/auth";
import { db } from "@/server/context";
import { seeOther } from "@/server/sso-outcome";
import { ssoStartPath } from "@/server/sso-sign-in-start";

/**
 * Canonical SSO entry point for an account (a link admins can hand out or put in a portal): its
 * only switched-on connection starts at once; with several, or none, the account's SSO page
 * shows the buttons or says SSO is not on. This folder is more specific than next-auth's
 * catch-all /api/auth/[...nextauth], so Next routes here first.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = request.nextUrl.searchParams;
  const callbackUrl = safeCallbackUrl(query.get("callbackUrl"), "/");
  const hint = query.get("login_hint") ?? query.get("loginHint");
  const loginHint = hint && emailSchema.safeParse(hint).success ? hint : undefined;
  const account = /^[a-z0-9-]{1,64}$/.test(slug) ? await findAccountBySlug(db(), slug) : null;
  if (!account) return seeOther(`/sso?${new URLSearchParams({ error: "unknown_slug", entry: slug.slice(0, 64) }).toString()}`);
  const connections = await listEnabledConnectionsForAccount(db(), account.id);
  if (connections.length === 1) return seeOther(ssoStartPath({ connectionId: connections[0]!.id, callbackUrl, loginHint }));
  const pageParams = new URLSearchParams({ callbackUrl });
  if (loginHint) pageParams.set("loginHint", loginHint);
  return seeOther(`/sso/${account.slug}?${pageParams.toString()}`);
}
