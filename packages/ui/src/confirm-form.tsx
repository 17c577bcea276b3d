"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useRef, useSyncExternalStore, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

const subscribe = () => () => {};
/** False in the server's HTML and before hydration, true once React runs in the browser. */
export const useHydrated = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

export type ConfirmFormProps = {
  /** The form's action (a server action); it must refuse a post without `confirm=on`. */
  action: string | ((formData: FormData) => void | Promise<void>);
  /** The form's own fields (hidden inputs naming the target). */
  children?: ReactNode;
  triggerLabel: ReactNode;
  /** The trigger's accessible name when its label is short ("Remove" → "Remove ana@acme.test"). */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Without JavaScript, this box stands in for the dialog: the server refuses until it is ticked. */
  checkboxLabel: string;
  className?: string;
};

/**
 * The question before a destructive step, as an alert dialog: focus starts on Cancel, Escape and
 * Cancel close it, and only the confirm button runs `onConfirm`. Opened by `trigger` (a button),
 * or controlled with `open`/`onOpenChange` when the caller decides when to ask.
 */
export function ConfirmDialog(props: {
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  /** Where focus goes when it closes; by default the trigger (a dialog opened from a menu has none). */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <AlertDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger ? <AlertDialog.Trigger asChild>{props.trigger}</AlertDialog.Trigger> : null}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          onCloseAutoFocus={props.onCloseAutoFocus}
          className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl ring-1 ring-slate-200 focus:outline-none"
        >
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{props.title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-600">{props.description}</AlertDialog.Description>
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{props.cancelLabel ?? "Cancel"}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={props.onConfirm}>
                {props.confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/**
 * A destructive or self-harming action that asks first: with JavaScript, an accessible alert dialog
 * (focus starts on Cancel, Escape cancels); without it, a checkbox the server requires. Either way
 * the post carries `confirm=on` only when the person said yes.
 */
export function ConfirmForm(props: ConfirmFormProps) {
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const id = `confirm-${props.confirmLabel.replace(/\W+/g, "-").toLowerCase()}-${props.triggerAriaLabel?.replace(/\W+/g, "-").toLowerCase() ?? ""}`;
  return (
    <form ref={form} action={props.action} className={props.className ?? "flex flex-wrap items-center gap-2"}>
      {props.children}
      {hydrated ? (
        <>
          <input type="hidden" name="confirm" value="on" />
          <ConfirmDialog
            trigger={
              <Button variant={props.triggerVariant ?? "danger"} size={props.size} aria-label={props.triggerAriaLabel}>
                {props.triggerLabel}
              </Button>
            }
            title={props.title}
            description={props.description}
            confirmLabel={props.confirmLabel}
            cancelLabel={props.cancelLabel}
            onConfirm={() => form.current?.requestSubmit()}
          />
        </>
      ) : (
        <>
          <span className="flex items-start gap-2">
            <input id={id} name="confirm" type="checkbox" value="on" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-red-600" />
            <label htmlFor={id} className="text-sm text-slate-800">
              {props.checkboxLabel}
            </label>
          </span>
          <Button type="submit" variant={props.triggerVariant ?? "danger"} size={props.size} aria-label={props.triggerAriaLabel}>
            {props.triggerLabel}
          </Button>
        </>
      )}
    </form>
  );
}
