import type { Database } from "@gatehouse/db";
import type { Mailer } from "@gatehouse/email";

/** What every core operation needs from the outside world, passed in so tests can build it. */
export type CoreContext = {
  db: Database;
  mailer: Mailer;
  /** Public base URL of the app, for links in emails (no trailing slash). */
  appUrl: string;
  now?: () => Date;
};

/** Who performs an action, for authorisation and the audit trail. */
export type Actor = {
  userId: string | null;
  label: string;
  ip: string | null;
  /** An admin's authority over this one account without a membership: an account API key, or the operator CLI. */
  adminOfAccountId?: string;
  /** Set when the actor is the recipient of an SSO setup link: what they may do is decideSetupLinkStep's call. */
  viaSetupLinkId?: string;
};

export const nowOf = (ctx: Pick<CoreContext, "now">): Date => (ctx.now ? ctx.now() : new Date());
