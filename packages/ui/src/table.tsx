import type { ReactNode } from "react";

/**
 * Wraps a table so that on a narrow screen it scrolls inside its card instead of widening the page.
 * `relative` matters: without it the table's screen-reader-only labels (absolutely positioned)
 * escape the scroll box and still push the page wide.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="relative overflow-x-auto">{children}</div>;
}

/** Column headings of a card table; a column given as `{ label, hidden: true }` is for screen readers only. */
export function TableHead({ columns }: { columns: Array<string | { label: string; hidden: true }> }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column) =>
          typeof column === "string" ? (
            <th key={column} scope="col" className="px-5 py-2 font-medium">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" className="px-5 py-2 font-medium">
              <span className="sr-only">{column.label}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
