"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { useEffect, useSyncExternalStore } from "react";
import { Alert } from "./alert";
import { useHydrated } from "./confirm-form";

export type ToastMessage = { id: string; text: string };

// One list for the page: any client component may show a toast, the one <Toaster> renders them.
let toasts: ToastMessage[] = [];
const shown = new Set<string>();
const listeners = new Set<() => void>();
const NONE: ToastMessage[] = [];
const emit = () => listeners.forEach((listener) => listener());

/** Shows a transient confirmation once per id (a re-render or a second mount does not repeat it). */
export function showToast(message: ToastMessage) {
  if (shown.has(message.id)) return;
  shown.add(message.id);
  toasts = [...toasts, message];
  emit();
}

function dismiss(id: string) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Long enough to read a sentence, and for a test that asserts it after a redirect. */
const DURATION_MS = 10_000;

/**
 * Where toasts appear (Radix Toast, shadcn/ui style): bottom right, F8 jumps to them, Escape or a
 * swipe dismisses. The viewport is a polite live region, so screen readers read each toast once
 * (Radix's own announcer is told to skip the text, which would otherwise be on the page twice).
 */
export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NONE,
  );
  return (
    <ToastPrimitive.Provider duration={DURATION_MS} label="Notification">
      {list.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          onOpenChange={(open) => (open ? undefined : dismiss(toast.id))}
          className="pointer-events-auto flex items-start gap-3 rounded-md bg-white p-3 text-sm text-slate-900 shadow-lg ring-1 ring-emerald-200"
        >
          <span aria-hidden className="mt-0.5 text-emerald-600">
            ✓
          </span>
          <ToastPrimitive.Description data-radix-toast-announce-exclude="" className="flex-1">
            {toast.text}
          </ToastPrimitive.Description>
          <ToastPrimitive.Close aria-label="Dismiss" className="rounded px-1 text-slate-500 hover:bg-slate-100">
            ×
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed bottom-0 right-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none"
      />
    </ToastPrimitive.Provider>
  );
}

/**
 * A success message: a toast once the page runs in the browser; in the server's HTML (and so
 * without JavaScript) the banner it always was. Errors are not for this: they stay beside the form.
 */
export function SuccessToast({ id, text }: ToastMessage) {
  const hydrated = useHydrated();
  useEffect(() => showToast({ id, text }), [id, text]);
  return hydrated ? null : <Alert tone="success">{text}</Alert>;
}
