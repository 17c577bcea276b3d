"use client";

import { useActionState } from "react";
import type { TestConnectionReport } from "@gatehouse/sso";
import { Alert, Button, cn, TableScroll } from "@gatehouse/ui";
import { testConnectionAction } from "../actions";
import { describeDaysLeft, expiryTone, formatUtc } from "../_lib/format";
import type { TestConnectionState } from "../_lib/test-state";

const STATUS = {
  ok: { icon: "✓", text: "Passed", className: "bg-emerald-100 text-emerald-800" },
  warn: { icon: "!", text: "Warning", className: "bg-amber-100 text-amber-900" },
  error: { icon: "✕", text: "Failed", className: "bg-red-100 text-red-800" },
} as const;

function StatusIcon({ status }: { status: keyof typeof STATUS }) {
  const s = STATUS[status];
  return (
    <span className={cn("inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", s.className)}>
      <span aria-hidden>{s.icon}</span>
      <span className="sr-only">{s.text}:</span>
    </span>
  );
}

/**
 * Test Connection: reads the IdP's discovery document or metadata now and shows the checklist
 * inline. useActionState keeps this working as a plain form post without JavaScript.
 */
export function TestConnection({ connectionId }: { connectionId: string }) {
  const [state, formAction, pending] = useActionState<TestConnectionState, FormData>(testConnectionAction, {});
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Testing…" : "Test Connection"}
        </Button>
        <span className="text-sm text-slate-600">Checks that we can reach your IdP with these settings. Nothing is changed.</span>
      </form>
      <div aria-live="polite" aria-busy={pending}>
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.report ? <TestReport report={state.report} /> : null}
      </div>
    </div>
  );
}

function TestReport({ report }: { report: TestConnectionReport }) {
  return (
    <div className="space-y-4 rounded-md p-4 ring-1 ring-slate-200" data-testid="test-report">
      <p className={cn("text-sm font-semibold", report.ok ? "text-emerald-800" : "text-red-800")}>
        {report.ok ? "The connection test passed." : "The connection test found problems."}{" "}
        <span className="font-normal text-slate-500">Tested {formatUtc(report.testedAt)}</span>
      </p>
      <ul className="space-y-2" aria-label="Test results">
        {report.items.map((item) => (
          <li key={item.id} className="flex items-start gap-2 text-sm" data-testid="check-item" data-status={item.status}>
            <StatusIcon status={item.status} />
            <span>
              <span className="font-medium text-slate-900">{item.label}</span>
              {item.detail ? <span className="block text-slate-600">{item.detail}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {report.saml ? <SamlDetails saml={report.saml} /> : null}
      <MappingPreview lines={report.mappingPreview} />
    </div>
  );
}

function SamlDetails({ saml }: { saml: NonNullable<TestConnectionReport["saml"]> }) {
  return (
    <div className="space-y-3 text-sm">
      {/* Values typed by hand are not the IdP's word: say whose they are. */}
      <h3 className="font-semibold text-slate-900">{saml.source === "entered" ? "What you entered" : "What the IdP metadata says"}</h3>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">IdP entity ID</dt>
        <dd className="break-all font-mono text-xs" data-testid="saml-entity-id">
          {saml.entityId}
        </dd>
        <dt className="text-slate-600">Single sign-on URLs</dt>
        <dd>
          <ul>
            {saml.ssoServices.map((service) => (
              <li key={`${service.binding} ${service.location}`} className="break-all">
                <span className="font-mono text-xs">{service.location}</span> <span className="text-slate-500">({service.bindingName})</span>
              </li>
            ))}
          </ul>
        </dd>
        {saml.nameIdFormats.length > 0 ? (
          <>
            <dt className="text-slate-600">Name ID formats</dt>
            <dd className="break-all font-mono text-xs">{saml.nameIdFormats.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <h4 className="font-medium text-slate-900">Signing certificates</h4>
      <ul className="space-y-2">
        {saml.certificates.map((cert) => {
          const tone = cert.isExpired ? "error" : expiryTone(cert.daysLeft);
          return (
            <li key={cert.sha256Fingerprint} className="flex items-start gap-2" data-testid="test-certificate" data-status={tone}>
              <StatusIcon status={tone} />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{cert.subject}</span>
                <span className="block break-all font-mono text-xs text-slate-600">SHA-256 {cert.sha256Fingerprint}</span>
                <span className={cn("block text-xs", tone === "ok" ? "text-slate-600" : tone === "warn" ? "text-amber-800" : "text-red-700")}>
                  Expires {formatUtc(cert.notAfter)} ({describeDaysLeft(cert.isExpired ? Math.min(cert.daysLeft, -1) : cert.daysLeft)})
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MappingPreview({ lines }: { lines: TestConnectionReport["mappingPreview"] }) {
  if (!lines)
    return <p className="text-sm text-slate-600">The attribute mapping preview appears after the first Authenticate or sign-in through this connection.</p>;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">Attribute mapping preview (last sign-in)</h3>
      <TableScroll>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                From
              </th>
              <th scope="col" className="py-1 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((line) => (
              <tr key={line.field} data-testid="mapping-line">
                <td className="py-1 pr-4 font-medium">{line.field}</td>
                <td className="py-1 pr-4 font-mono text-xs">
                  ← {line.source ?? "—"} {line.isFallback ? <span className="font-sans text-amber-800">(fallback: the mapped name was missing)</span> : null}
                </td>
                <td className="py-1">{line.value === null ? <span className="text-slate-400">no value</span> : <>= {line.value}</>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
