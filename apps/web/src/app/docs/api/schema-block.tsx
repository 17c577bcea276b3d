/** A JSON schema shown as indented JSON, with a top-level $ref resolved so the fields are visible. */
export function SchemaBlock({ title, schema, schemas }: { title: string; schema: unknown; schemas: Record<string, unknown> }) {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  const resolved = ref ? schemas[ref.replace("#/components/schemas/", "")] : schema;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">{title}</summary>
      <pre className="overflow-x-auto rounded bg-gray-50 p-3 text-xs">{JSON.stringify(resolved, null, 2)}</pre>
    </details>
  );
}
