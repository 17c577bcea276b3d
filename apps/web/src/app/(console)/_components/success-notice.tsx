"use client";

import { SuccessToast } from "@gatehouse/ui";

// Each answer of a form's action is a new object: one toast per answer, however often React renders.
const ids = new WeakMap<object, string>();
let count = 0;
function idOf(state: object): string {
  const id = ids.get(state) ?? `form-${++count}`;
  ids.set(state, id);
  return id;
}

/** A form's success message (useActionState): a toast with JavaScript, the banner without. */
export function SuccessNotice({ state }: { state: { success?: string } }) {
  return state.success ? <SuccessToast id={idOf(state)} text={state.success} /> : null;
}
