"use client";

import { useEffect, useState } from "react";
import { cn, showToast } from "@gatehouse/ui";

let copies = 0;

/** Copies a value that is also shown as text next to it, so it can be selected by hand without JavaScript. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
      showToast({ id: `copied-${++copies}`, text: `Copied ${label}.` });
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setCopied("failed");
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={`Copy ${label}`}
      className={cn(
        "shrink-0 rounded px-2 py-1 text-xs font-medium ring-1 ring-inset",
        copied === "failed" ? "text-red-700 ring-red-300" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {/* The toast says it was copied; only a failure is read out here. */}
      <span aria-live={copied === "failed" ? "polite" : "off"}>{copied === "yes" ? "Copied" : copied === "failed" ? "Select and copy" : "Copy"}</span>
    </button>
  );
}
