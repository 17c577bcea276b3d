"use server";

import { redirect } from "next/navigation";
import { joinAccountThroughDomain, requestToJoinThroughDomain, switchActiveAccount } from "@gatehouse/core";
import { actorOf, requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { formValues } from "@/lib/forms/action-state";
import { joinThroughDomainSchema } from "@/lib/validators/domain-capture";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";

/**
 * "Join <Account>": membership as Member, then into the account. A password session opens it at
 * once; an SSO session proved only its own account, so it goes through /switch-account.
 */
export async function joinThroughDomainAction(formData: FormData): Promise<never> {
  const session = await requireSession();
  const parsed = joinThroughDomainSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await flashTo("/settings/team", { tone: "error", text: "That request was incomplete. Reload the page and try again." }));
  const { accountId, from } = parsed.data;
  const joined = await joinAccountThroughDomain(coreContext(), { userId: session.user.id, accountId, actor: await actorOf(session) });
  if (!joined.ok) redirect(await flashTo(from, { tone: "error", text: joined.error }));
  const sid = await readSessionId();
  const switched = sid ? await switchActiveAccount(coreContext().db, sid, accountId) : "no_session";
  redirect(switched === "switched" ? "/settings/team?joined=1" : `/switch-account/${accountId}`);
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
