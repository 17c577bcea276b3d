import { and, eq, gt, sessions } from "@gatehouse/db";
import { nowOf, type CoreContext } from "./context";
import { hashToken } from "./tokens";

/** How long a re-checked password waits for its code when switching accounts. */
export const PASSWORD_PROOF_MINUTES = 5;

const heldFor = (rawId: string, accountId: string, now: Date) =>
  and(eq(sessions.idHash, hashToken(rawId)), eq(sessions.passwordProvedAccountId, accountId), gt(sessions.passwordProvedUntil, now));

/** Notes on the session that its password was just re-checked for this account (a code is owed). */
export async function holdPasswordProof(ctx: Pick<CoreContext, "db" | "now">, rawId: string, accountId: string): Promise<void> {
  const until = new Date(nowOf(ctx).getTime() + PASSWORD_PROOF_MINUTES * 60_000);
  await ctx.db
    .update(sessions)
    .set({ passwordProvedAccountId: accountId, passwordProvedUntil: until })
    .where(eq(sessions.idHash, hashToken(rawId)));
}

/** Whether this session re-checked the password for this account in the last few minutes. */
export async function hasPasswordProof(ctx: Pick<CoreContext, "db" | "now">, rawId: string, accountId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(heldFor(rawId, accountId, nowOf(ctx)))
    .limit(1);
  return Boolean(row);
}

/** Uses the held proof up: true once, and only while it is still fresh. */
export async function spendPasswordProof(ctx: Pick<CoreContext, "db" | "now">, rawId: string, accountId: string): Promise<boolean> {
  const spent = await ctx.db
    .update(sessions)
    .set({ passwordProvedAccountId: null, passwordProvedUntil: null })
    .where(heldFor(rawId, accountId, nowOf(ctx)))
    .returning({ idHash: sessions.idHash });
  return spent.length > 0;
}
