import type { Result } from "../result";

export type PatchOp = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/**
 * The PATCH body as IdPs really send it, turned into the plain RFC 7644 §3.5.2 operations that
 * scim-patch applies. Pure. Handles:
 * - Entra: capitalised ops ("Replace", "Add"), `active` as the strings "True"/"False", path-less
 *   value maps with dotted keys (`{"name.givenName": "Ada"}`) or extension URN keys
 *   (`{"urn:…:enterprise:2.0:User:department": "R&D"}`);
 * - Okta: `{"op":"replace","value":{"active":false}}`.
 * Filtered paths (`emails[type eq "work"].value`) are passed on; scim-patch resolves them.
 */
export function normalisePatch(body: unknown): Result<PatchOp[]> {
  if (!isObject(body)) return { ok: false, error: "The PATCH body must be a JSON object with an Operations array." };
  const ops = body.Operations ?? body.operations;
  if (!Array.isArray(ops) || ops.length === 0) return { ok: false, error: "The PATCH body needs a non-empty Operations array (RFC 7644 §3.5.2)." };
  const out: PatchOp[] = [];
  for (const raw of ops) {
    if (!isObject(raw) || typeof raw.op !== "string") return { ok: false, error: 'Each operation needs an "op" of add, replace or remove.' };
    const op = raw.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") return { ok: false, error: `Unknown PATCH op "${raw.op}": use add, replace or remove.` };
    const path = typeof raw.path === "string" && raw.path.trim() !== "" ? raw.path.trim() : undefined;
    if (op === "remove") {
      if (!path) return { ok: false, error: "A remove operation needs a path (RFC 7644 §3.5.2.2)." };
      out.push({ op, path, ...(raw.value !== undefined ? { value: raw.value } : {}) });
      continue;
    }
    if (path) {
      out.push({ op, path, value: coerceValue(path, raw.value) });
      continue;
    }
    if (!isObject(raw.value)) return { ok: false, error: `A path-less ${op} needs an object value.` };
    out.push(...splitValueMap(op, raw.value));
  }
  return { ok: true, value: out };
}

/** A path-less map becomes one operation per key, so dotted and URN-prefixed keys land where they belong. */
function splitValueMap(op: "add" | "replace", value: Record<string, unknown>): PatchOp[] {
  const plain: Record<string, unknown> = {};
  const ops: PatchOp[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith(`${ENTERPRISE}:`)) {
      ops.push({ op, path: `${ENTERPRISE}:${key.slice(ENTERPRISE.length + 1)}`, value: v });
    } else if (key.includes(".") && !key.startsWith("urn:")) {
      ops.push({ op, path: key, value: coerceValue(key, v) });
    } else {
      plain[key] = coerceValue(key, v);
    }
  }
  return Object.keys(plain).length > 0 ? [{ op, value: plain }, ...ops] : ops;
}

/** Entra sends booleans as "True"/"False" strings. */
function coerceValue(path: string, value: unknown): unknown {
  if (path.toLowerCase() === "active" && typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
