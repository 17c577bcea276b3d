"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { addDomain, removeDomain, setAutoJoin, setIncludeSubdomains, verifyDomainNow, type Actor, type Result } from "@gatehouse/core";
import { requireAdmin } from "@/server/admin-guard";
import { domainContext } from "@/server/domain-context";
import { flashTo } from "@/server/flash";
import { typedValues } from "@/server/form-action";
import { formValues } from "@/lib/forms/action-state";
import type { Flash } from "@/lib/flash-message";
import { addDomainSchema, autoJoinSchema, domainTargetSchema, includeSubdomainsSchema } from "@/lib/validators/domains";

const DOMAINS = "/settings/domains";

const asFlash = (said: string | Flash): Flash => (typeof said === "string" ? { tone: "success", text: said } : said);

/**
 * The console's admin gate, parse, call one core function (which checks the role again), then
 * back to the page with a message. Plain form posts, so the page works without JavaScript.
 * Not runFormAction: a verification that did not pass yet is an error-toned outcome of a success.
 */
async function runDomainAction<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  run: (input: z.output<S>, accountId: string, actor: Actor) => Promise<Result<T>>,
  success: (value: T) => string | Flash,
  keep?: readonly string[],
): Promise<never> {
  const access = await requireAdmin();
  if (!access.ok) redirect(await flashTo(DOMAINS, { tone: "error", text: access.error }));
  const input = formValues(formData);
  const parsed = schema.safeParse(input);
  const result = parsed.success
    ? await run(parsed.data, access.accountId, access.actor)
    : ({ ok: false, error: parsed.error.issues[0]?.message ?? "That request was incomplete. Reload the page and try again." } as const);
  revalidatePath(DOMAINS);
  redirect(await flashTo(DOMAINS, result.ok ? asFlash(success(result.value)) : { tone: "error", text: result.error, typed: typedValues(input, keep) }));
}

export async function addDomainAction(formData: FormData) {
  await runDomainAction(
    addDomainSchema,
    formData,
    (input, accountId, actor) => addDomain(domainContext(), { domain: input.domain, accountId, actor }),
    (row) => `${row.domain} added. Publish the TXT record below, then click Verify now.`,
    ["domain"],
  );
}

export async function verifyDomainAction(formData: FormData) {
  await runDomainAction(
    domainTargetSchema,
    formData,
    (input, accountId, actor) => verifyDomainNow(domainContext(), { ...input, accountId, actor }),
    (row) =>
      row.status === "verified"
        ? `${row.domain} is verified.`
        : { tone: "error", text: `${row.domain} is not verified yet. ${row.lastCheckDetail ?? ""}`.trim() },
  );
}

export async function removeDomainAction(formData: FormData) {
  await runDomainAction(
    domainTargetSchema,
    formData,
    (input, accountId, actor) => removeDomain(domainContext(), { ...input, accountId, actor }),
    (v) => `${v.domain} removed.`,
  );
}

export async function setIncludeSubdomainsAction(formData: FormData) {
  await runDomainAction(
    includeSubdomainsSchema,
    formData,
    (input, accountId, actor) => setIncludeSubdomains(domainContext(), { ...input, accountId, actor }),
    (row) => (row.includeSubdomains ? `${row.domain} now also covers its subdomains.` : `${row.domain} now covers only itself, not its subdomains.`),
  );
}

export async function setAutoJoinAction(formData: FormData) {
  await runDomainAction(
    autoJoinSchema,
    formData,
    (input, accountId, actor) => setAutoJoin(domainContext(), { ...input, accountId, actor }),
    (row) => `Joining through ${row.domain} saved.`,
  );
}
