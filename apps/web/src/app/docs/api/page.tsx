import type { Metadata } from "next";
import { openApiDocument } from "@/server/api/openapi";
import { SchemaBlock } from "./schema-block";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

/** The public API's reference, rendered on the server from the same document as /api/openapi.json. */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">{document.info.title}</h1>
        <p className="text-sm text-gray-700">{document.info.description}</p>
        <p className="text-sm text-gray-700">
          Create a key under{" "}
          <a className="underline" href="/settings/api-keys">
            Settings → API keys
          </a>{" "}
          and send it as the <code>X-Api-Key</code> header. The machine-readable document is at{" "}
          <a className="underline" href="/api/openapi.json">
            /api/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi}).
        </p>
      </header>
      {operations.map(({ path, method, operation }) => (
        <section key={`${method} ${path}`} aria-labelledby={`${method}-${path}`} className="space-y-2 border-t pt-4">
          <h2 id={`${method}-${path}`} className="font-mono text-sm font-semibold">
            {method} {path}
          </h2>
          <p>{operation.summary}</p>
          {operation.description ? <p className="text-sm text-gray-700">{operation.description}</p> : null}
          {operation.parameters?.length ? (
            <ul className="text-sm">
              {operation.parameters.map((p) => (
                <li key={`${p.in}-${p.name}`}>
                  <code>{p.name}</code> ({p.in}
                  {p.required ? ", required" : ""}){p.description ? `: ${p.description}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {operation.requestBody ? (
            <SchemaBlock title="Request body" schema={operation.requestBody.content["application/json"]?.schema} schemas={schemas} />
          ) : null}
          <ul className="text-sm">
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status}>
                <strong>{status}</strong> {response.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
