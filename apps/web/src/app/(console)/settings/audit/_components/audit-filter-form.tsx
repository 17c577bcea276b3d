import { AUDIT_KINDS } from "@gatehouse/core";
import type { AuditQuery } from "../_lib/audit-query";

const input = "rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** The filters as a plain GET form: works without JavaScript, and the URL is shareable. */
export function AuditFilterForm({ query, actors }: { query: AuditQuery; actors: string[] }) {
  return (
    <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 px-5 py-4">
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Person</span>
        <select name="actor" defaultValue={query.actor} className={input}>
          <option value="">Everyone</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Kind</span>
        <select name="kind" defaultValue={query.kind} className={input}>
          <option value="">All kinds</option>
          {Object.entries(AUDIT_KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">From</span>
        <input type="date" name="from" defaultValue={query.from} className={input} />
      </label>
      <label className="text-sm">
        <span className="block font-medium text-slate-800">To</span>
        <input type="date" name="to" defaultValue={query.to} className={input} />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
        Filter
      </button>
      <a href="/settings/audit" className="px-1 py-1.5 text-sm text-slate-600 underline">
        Clear
      </a>
    </form>
  );
}
