import { filter as compileFilter, parse, type Filter } from "scim2-parse-filter";
import type { Result } from "../result";

/** A parsed filter, and the SQL-friendly key lookup it reduces to when it is that simple. */
export type UserQuery =
  | { kind: "all" }
  | { kind: "userName"; value: string }
  | { kind: "externalId"; value: string }
  | { kind: "memory"; test: (resource: Record<string, unknown>) => boolean };

// RFC 7643 §4.1: userName and emails.value are caseExact false; externalId is caseExact true.
const CASE_INSENSITIVE = new Set(["username", "emails.value", "emails.type", "displayname", "name.givenname", "name.familyname"]);

/**
 * Parses a `filter` query (scim2-parse-filter, not a hand-written parser) into a query plan:
 * `userName eq` and `externalId eq` go to SQL; anything else (`emails[type eq "work"].value eq`,
 * `and`/`or`) is tested in memory over the directory's users with case-insensitive attributes
 * compared lower-case.
 */
export function planUserQuery(filter: string | null): Result<UserQuery> {
  if (filter === null || filter.trim() === "") return { ok: true, value: { kind: "all" } };
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch {
    return { ok: false, error: `The filter ${JSON.stringify(filter.slice(0, 200))} is not valid SCIM filter syntax (RFC 7644 §3.4.2.2).` };
  }
  if (ast.op === "eq" && "attrPath" in ast && typeof ast.compValue === "string") {
    if (ast.attrPath.toLowerCase() === "username") return { ok: true, value: { kind: "userName", value: ast.compValue } };
    if (ast.attrPath.toLowerCase() === "externalid") return { ok: true, value: { kind: "externalId", value: ast.compValue } };
  }
  const test = compileFilter(lowerCaseInsensitive(ast, ""));
  return { ok: true, value: { kind: "memory", test: (resource) => test(lowerResource(resource)) } };
}

function lowerCaseInsensitive(f: Filter, prefix: string): Filter {
  switch (f.op) {
    case "and":
    case "or":
      return { ...f, filters: f.filters.map((x) => lowerCaseInsensitive(x, prefix)) } as Filter;
    case "not":
      return { ...f, filter: lowerCaseInsensitive((f as { filter: Filter }).filter, prefix) } as Filter;
    case "[]": {
      const vp = f as { attrPath: string; valFilter: Filter };
      return { ...f, valFilter: lowerCaseInsensitive(vp.valFilter, `${vp.attrPath}.`) } as Filter;
    }
    case "pr":
      return f;
    default: {
      const c = f as { attrPath: string; compValue: unknown };
      const full = `${prefix}${c.attrPath}`.toLowerCase();
      return (CASE_INSENSITIVE.has(full) && typeof c.compValue === "string" ? { ...f, compValue: c.compValue.toLowerCase() } : f) as Filter;
    }
  }
}

function lowerResource(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r };
  if (typeof r.userName === "string") out.userName = r.userName.toLowerCase();
  if (typeof r.displayName === "string") out.displayName = r.displayName.toLowerCase();
  if (r.name && typeof r.name === "object")
    out.name = Object.fromEntries(Object.entries(r.name).map(([k, v]) => [k, typeof v === "string" ? v.toLowerCase() : v]));
  if (Array.isArray(r.emails))
    out.emails = r.emails.map((e) =>
      e && typeof e === "object"
        ? Object.fromEntries(Object.entries(e).map(([k, v]) => [k, (k === "value" || k === "type") && typeof v === "string" ? v.toLowerCase() : v]))
        : e,
    );
  return out;
}
