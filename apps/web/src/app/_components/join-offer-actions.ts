"use server";

import { redirect } from "next/navigation";
import { joinAccountThroughDomain, requestToJoinThroughDomain } from "@gatehouse/core";
import { actorOf, requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { formValues } from "@/lib/forms/action-state";
import { joinThroughDomainSchema } from "@/lib/validators/domain-capture";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";

/**
 * "Join <Account>": membership as Member, then into the account. A password session opens it at
 * once when the account takes passwords from this member; otherwise (an SSO session, or an account
 * that requires SSO) the person proves it on /switch-account.
 */
export async function joinThroughDomainAction(formData: FormData): Promise<never> {
  const session = await requireSession();
  const parsed = joinThroughDomainSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await flashTo("/settings/team", { tone: "error", text: "That request was incomplete. Reload the page and try again." }));
  const { accountId, from } = parsed.data;
  const sessionId = await readSessionId();
  const joined = await joinAccountThroughDomain(coreContext(), { userId: session.user.id, accountId, actor: await actorOf(session), sessionId });
  if (!joined.ok) redirect(await flashTo(from, { tone: "error", text: joined.error }));
  redirect(joined.value.opened ? "/settings/team?joined=1" : `/switch-account/${accountId}`);
}

/** "Request to join <Account>": the admins answer on their team page; the person gets an email. */
export async function requestToJoinAction(formData: FormData): Promise<never> {
  const session = await requireSession();
  const parsed = joinThroughDomainSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await flashTo("/settings/team", { tone: "error", text: "That request was incomplete. Reload the page and try again." }));
  const { accountId, from } = parsed.data;
  const requested = await requestToJoinThroughDomain(coreContext(), { userId: session.user.id, accountId, actor: await actorOf(session) });
  redirect(
    await flashTo(
      from,
      requested.ok ? { tone: "success", text: "Request sent. You will get an email when an admin answers it." } : { tone: "error", text: requested.error },
    ),
  );
}
