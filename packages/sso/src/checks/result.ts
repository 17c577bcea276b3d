export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type CheckStatus = "ok" | "warn" | "error";

/** One line of a checklist shown in the Configure SSO wizard. */
export interface CheckItem {
  id: string;
  label: string;
  status: CheckStatus;
  detail: string;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}

/** A checklist passes when nothing in it is an error; warnings are advice, not blockers. */
export function checklistPasses(items: readonly CheckItem[]): boolean {
  return items.every((item) => item.status !== "error");
}
