"use client";

import { useActionState } from "react";
import type { SelfTestReport } from "@gatehouse/core";
import { Alert, Button, cn } from "@gatehouse/ui";
import { runScimSelfTestAction } from "../scim-actions";
import { formatUtc } from "../_lib/format";
import type { ScimSelfTestState } from "../_lib/scim-state";

const STATUS = {
  pass: { icon: "✓", text: "Passed", className: "bg-emerald-100 text-emerald-800" },
  fail: { icon: "✕", text: "Failed", className: "bg-red-100 text-red-800" },
  skipped: { icon: "–", text: "Skipped", className: "bg-slate-100 text-slate-600" },
} as const;

/** Run self-test: create, filter, PATCH, deactivate and delete a throwaway user over HTTP, with the results inline. */
export function ScimSelfTest({ connectionId }: { connectionId: string }) {
  const [state, formAction, pending] = useActionState<ScimSelfTestState, FormData>(runScimSelfTestAction, {});
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Running…" : "Run self-test"}
        </Button>
        <span className="text-sm text-slate-600">
          Sends the requests an IdP sends to your SCIM endpoint, with a 5-minute token revoked afterwards. The test user is deleted again.
        </span>
      </form>
      <div aria-live="polite" aria-busy={pending}>
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.report ? <SelfTestResults report={state.report} /> : null}
      </div>
    </div>
  );
}

function SelfTestResults({ report }: { report: SelfTestReport }) {
  return (
    <div className="space-y-3 rounded-md p-4 ring-1 ring-slate-200" data-testid="scim-self-test-report">
      <p className={cn("text-sm font-semibold", report.ok ? "text-emerald-800" : "text-red-800")}>
        {report.ok ? "The self-test passed." : "The self-test found problems."}{" "}
        <span className="font-normal text-slate-500">
          Ran {formatUtc(report.ranAt)} against {report.baseUrl}
        </span>
      </p>
      <ol className="space-y-2" aria-label="Self-test steps">
        {report.steps.map((step) => {
          const s = STATUS[step.status];
          return (
            <li key={step.id} className="flex items-start gap-2 text-sm" data-testid="scim-self-test-step" data-status={step.status}>
              <span className={cn("inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", s.className)}>
                <span aria-hidden>{s.icon}</span>
                <span className="sr-only">{s.text}:</span>
              </span>
              <span>
                <span className="font-medium text-slate-900">{step.label}</span>{" "}
                <span className="font-mono text-xs text-slate-500">
                  {step.method} {step.path}
                  {step.httpStatus !== null ? ` → ${step.httpStatus}` : ""}
                </span>
                {step.status !== "pass" ? <span className="block text-slate-700">{step.detail}</span> : null}
                {step.scimError ? <span className="block text-red-800">SCIM error: {step.scimError}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
