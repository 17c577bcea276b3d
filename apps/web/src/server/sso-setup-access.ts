import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decideSetupLinkStep, resolveSetupLink, setupLinkActor, type Actor, type SetupLinkStep, type SsoSetupLinkRecord } from "@gatehouse/core";
import { actorOf, isAdminSession, requireAccount, type AccountSession } from "@/auth/session";
import { env } from "@/env";
import { db } from "./context";
import { clientIp } from "./request";

/**
 * The recipient of a setup link holds its token in this cookie. Its path is /setup: the browser
 * sends it to the setup pages only, so the rest of the console never sees it (and never treats
 * its holder as anyone).
 */
const COOKIE = "gatehouse.setup-link";
export const SETUP_BASE = "/setup";
export const CONSOLE_BASE = "/settings/security";

export async function keepSetupLinkToken(token: string, expiresAt: Date) {
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: "lax", path: SETUP_BASE, secure: env().APP_URL.startsWith("https://"), expires: expiresAt });
}

/** Who works on this account's SSO connections, and where their pages live. */
export type SsoSetupAccess = {
  accountId: string;
  accountName: string;
  accountSlug: string | null;
  actor: Actor;
  /** Set for a setup link's recipient; null for a signed-in admin. */
  setupLink: SsoSetupLinkRecord | null;
  /** "/settings/security" for admins, "/setup" for a setup link's recipient. */
  base: string;
};

/**
 * The setup link this browser holds, if it still opens the setup; a dead one sends to the page
 * that says why. Once per request: the /setup layout and its page both ask.
 */
const heldSetupLink = cache(async () => {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  const resolved = await resolveSetupLink({ db: db() }, token);
  if (!resolved.ok) redirect(`/setup-link/refused?reason=${resolved.error}`);
  return resolved.value;
});

/**
 * For the connection wizard's pages and actions: the setup link's recipient (on /setup) or an
 * account admin (on /settings/security). `step` names what is about to happen; the link may do
 * only what decideSetupLinkStep allows. A member who is not an admin gets `adminsOnly`.
 */
export async function ssoSetupAccess(step: SetupLinkStep): Promise<SsoSetupAccess | { adminsOnly: AccountSession } | { refused: string }> {
  const held = await heldSetupLink();
  if (held) {
    const decision = decideSetupLinkStep(step, held.link.scope);
    if (!decision.allowed) return { refused: decision.reason };
    return {
      accountId: held.link.accountId,
      accountName: held.accountName,
      accountSlug: null,
      actor: setupLinkActor(held.link, await clientIp()),
      setupLink: held.link,
      base: SETUP_BASE,
    };
  }
  const session = await requireAccount();
  if (!isAdminSession(session)) return { adminsOnly: session };
  return {
    accountId: session.activeAccount.id,
    accountName: session.activeAccount.name,
    accountSlug: session.activeAccount.slug,
    actor: await actorOf(session),
    setupLink: null,
    base: CONSOLE_BASE,
  };
}
