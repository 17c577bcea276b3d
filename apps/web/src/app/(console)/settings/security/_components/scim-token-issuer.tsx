"use client";

import { useActionState } from "react";
import { Alert, Button } from "@gatehouse/ui";
import { issueScimTokenAction } from "../scim-actions";
import { formatUtc } from "../_lib/format";
import type { ScimTokenState } from "../_lib/scim-state";
import { CopyButton } from "./copy-button";

function CopyableValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="flex items-center gap-2">
        <code
          className="block min-w-0 flex-1 select-all break-all rounded bg-slate-50 px-2 py-1.5 font-mono text-xs ring-1 ring-slate-200"
          data-testid={testId}
        >
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </div>
    </div>
  );
}

/**
 * Enable SCIM 2.0 / Rotate token, and the token they return, shown once. One component in one
 * place for both, so the revealed token survives the page refreshing from "off" to "on".
 */
export function ScimTokenIssuer({
  connectionId,
  enabled,
  baseUrl,
  graceHours,
}: {
  connectionId: string;
  enabled: boolean;
  baseUrl: string | null;
  graceHours: number;
}) {
  const [state, formAction, pending] = useActionState<ScimTokenState, FormData>(issueScimTokenAction, {});
  const issued = enabled ? state.issued : undefined;
  return (
    <div className="space-y-3 px-5 py-4">
      <div aria-live="polite">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {issued ? (
          <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-300" data-testid="scim-token-reveal">
            <p className="text-sm font-semibold text-amber-900">Copy this token now: you won’t see it again.</p>
            <p className="text-sm text-amber-900">
              We store only a hash of it. Paste it into your IdP’s SCIM settings with the base URL. If you lose it, rotate to get a new one.
            </p>
            {(issued.baseUrl ?? baseUrl) ? <CopyableValue label="SCIM base URL" value={(issued.baseUrl ?? baseUrl)!} testId="scim-revealed-base-url" /> : null}
            <CopyableValue label="Bearer token" value={issued.token} testId="scim-revealed-token" />
            {issued.intent === "rotate" && issued.graceUntil ? (
              <p className="text-sm text-amber-900">
                The previous token keeps working until {formatUtc(issued.graceUntil)} ({issued.graceHours} hour grace period), then stops. Update your IdP
                before then.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="intent" value={enabled ? "rotate" : "enable"} />
        {enabled ? (
          <>
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "Rotating…" : "Rotate token"}
            </Button>
            <span className="text-sm text-slate-600">
              Issues a new token. The current one keeps working for {graceHours} hours (the grace period) so you can update your IdP, then stops.
            </span>
          </>
        ) : (
          <>
            <Button type="submit" disabled={pending}>
              {pending ? "Enabling…" : "Enable SCIM 2.0"}
            </Button>
            <span className="text-sm text-slate-600">Creates this connection’s SCIM directory and a bearer token for your IdP.</span>
          </>
        )}
      </form>
    </div>
  );
}
