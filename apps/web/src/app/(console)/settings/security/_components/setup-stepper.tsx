import type { ConnectionProgress } from "@gatehouse/core";
import { cn } from "@gatehouse/ui";

/**
 * Save → Test Connection → Authenticate → Switch on (→ Verify a domain → Require SSO, for admins),
 * with finished steps ticked and the next action stated above the fold; each step links to its
 * section further down, or to the page where it is done.
 */
export function SetupStepper({ progress }: { progress: ConnectionProgress }) {
  return (
    <nav aria-label="Setup progress" className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="setup-stepper">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {progress.steps.map((step, index) => (
          <li
            key={step.id}
            className="flex items-center gap-2"
            data-testid="setup-step"
            data-state={step.state}
            aria-current={step.state === "current" ? "step" : undefined}
          >
            {index > 0 ? (
              <span aria-hidden className="text-slate-300">
                →
              </span>
            ) : null}
            <span
              aria-hidden
              className={cn(
                "inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold",
                step.state === "done" && "bg-emerald-100 text-emerald-800",
                step.state === "current" && "bg-indigo-600 text-white",
                step.state === "todo" && "bg-slate-100 text-slate-500",
              )}
            >
              {step.state === "done" ? "✓" : index + 1}
            </span>
            <a
              href={step.href ?? `#step-${step.id}`}
              className={cn("hover:underline", step.state === "current" ? "font-semibold text-slate-900" : "text-slate-600")}
            >
              {step.label}
            </a>
            <span className="sr-only">{step.state === "done" ? "(done)" : step.state === "current" ? "(next)" : "(to do)"}</span>
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-slate-700" data-testid="next-action">
        {progress.next ? (
          <>
            <span className="font-semibold">Next: </span>
            <a href={progress.next.href ?? `#step-${progress.next.step}`} className="text-indigo-700 hover:underline">
              {progress.next.text}
            </a>
          </>
        ) : (
          "Done: members can sign in with this connection."
        )}
      </p>
    </nav>
  );
}
