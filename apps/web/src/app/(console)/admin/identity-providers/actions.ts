"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import {
  loginProviderInputSchema,
  saveLoginProvider,
  setFederatedLogin,
  setLoginProviderEnabled,
  setLoginProviderLogo,
  testLoginProvider,
} from "@gatehouse/sso";
import { actorOf } from "@/auth/session";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { flashTo } from "@/server/flash";
import { ssoContext } from "@/server/sso-context";
import { requireStaffSession } from "@/server/staff-session";

const BASE = "/admin/identity-providers";

function providerInputOf(values: Record<string, string>) {
  const mapping = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith("map."))
      .map(([k, v]) => [k.slice(4), v]),
  );
  return loginProviderInputSchema.safeParse({ ...values, attributeMapping: mapping });
}

/** Add or edit a provider; on bad input the form comes back with every value (the secret excepted). */
export async function saveProviderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireStaffSession();
  const { clientSecret: _secret, ...values } = formValues(formData);
  const parsed = providerInputOf(formValues(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return {
      error: "Check the highlighted fields.",
      fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^attributeMapping\./, "map."), v])),
      values,
    };
  }
  const providerId = values.providerId || null;
  const saved = await saveLoginProvider(ssoContext(), { actor: await actorOf(session), providerId, values: parsed.data });
  if (!saved.ok) return { error: saved.error, values };
  revalidatePath(BASE);
  redirect(await flashTo(`${BASE}/${saved.value.id}`, { tone: "success", text: providerId ? "Provider saved." : "Provider added. Test it, then enable it." }));
}

async function idOf(formData: FormData): Promise<string> {
  const id = formData.get("providerId");
  return typeof id === "string" ? id : "";
}

export async function setProviderEnabledAction(formData: FormData) {
  const session = await requireStaffSession();
  const providerId = await idOf(formData);
  const enabled = formData.get("enabled") === "true";
  const result = await setLoginProviderEnabled(ssoContext(), { actor: await actorOf(session), providerId, enabled });
  revalidatePath(BASE);
  redirect(
    await flashTo(
      `${BASE}/${providerId}`,
      result.ok
        ? { tone: "success", text: enabled ? "Provider enabled: it shows on the login page while Federated Login is on." : "Provider disabled." }
        : { tone: "error", text: result.error },
    ),
  );
}

export async function testProviderAction(formData: FormData) {
  const session = await requireStaffSession();
  const providerId = await idOf(formData);
  const result = await testLoginProvider(ssoContext(), { actor: await actorOf(session), providerId });
  revalidatePath(`${BASE}/${providerId}`);
  redirect(
    await flashTo(
      `${BASE}/${providerId}`,
      !result.ok
        ? { tone: "error", text: result.error }
        : result.value.ok
          ? { tone: "success", text: "Connection test passed." }
          : { tone: "error", text: "Connection test found problems: see the checklist." },
    ),
  );
}

export async function setProviderLogoAction(formData: FormData) {
  const session = await requireStaffSession();
  const providerId = await idOf(formData);
  const file = formData.get("logo");
  const remove = formData.get("remove") === "true";
  let bytes: Uint8Array | null = null;
  if (!remove) {
    // With no file chosen, browsers still post the field: an unnamed, empty file.
    if (!(file instanceof File) || (file.name === "" && file.size === 0))
      redirect(await flashTo(`${BASE}/${providerId}`, { tone: "error", text: "Choose a PNG, JPG or SVG file first." }));
    bytes = new Uint8Array(await (file as File).arrayBuffer());
  }
  const result = await setLoginProviderLogo(ssoContext(), { actor: await actorOf(session), providerId, bytes });
  revalidatePath(BASE);
  redirect(
    await flashTo(
      `${BASE}/${providerId}`,
      result.ok ? { tone: "success", text: remove ? "Logo removed." : "Logo saved." } : { tone: "error", text: result.error },
    ),
  );
}

export async function setFederatedLoginAction(formData: FormData) {
  const session = await requireStaffSession();
  const enabled = formData.get("enabled") === "true";
  const result = await setFederatedLogin(ssoContext(), { actor: await actorOf(session), enabled });
  revalidatePath(BASE);
  redirect(
    await flashTo(
      BASE,
      result.ok
        ? { tone: "success", text: enabled ? "Federated Login is on: enabled providers show on the login page." : "Federated Login is off." }
        : { tone: "error", text: result.error },
    ),
  );
}
