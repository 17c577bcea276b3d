import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test } from "../support/fixtures";
import { accountKey } from "./api-support";

const API_DIR = join(process.cwd(), "src/app/api/user");

/** Every route file under /api/user, as "METHOD /openapi/{path}". */
function implementedOperations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "route.ts") {
        const route = `/api/user/${relative(API_DIR, dir).split(sep).join("/")}`.replace(/\/$/, "").replace(/\[(\w+)\]/g, "{$1}");
        for (const [, method] of readFileSync(path, "utf8").matchAll(/export const (GET|POST|PUT|DELETE) =/g)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

test("the OpenAPI 3.1 document is valid, documents every route, and every documented route answers", async ({ request, db, team }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toBe("3.1.0");
  const validation = await new Validator().validate(document as unknown as Parameters<Validator["validate"]>[0]);
  expect(validation.errors ?? []).toEqual([]);
  expect(validation.valid).toBe(true);

  const documented = Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  expect(documented).toEqual(implementedOperations());

  // Each documented operation answers in the envelope (not Next's HTML 404/405): with ids of
  // nothing, a read-only key gets a 404 or 403 in JSON from our handler.
  const key = await accountKey(db, team.accountId, "read");
  const nothing = "00000000-0000-4000-8000-000000000000";
  for (const operation of documented) {
    const [method, path] = operation.split(" ") as [string, string];
    const url = path.replace("{id}", team.accountId).replace(/\{\w+\}/g, nothing);
    const answer = await request.fetch(url, { method, headers: { "X-Api-Key": key.token } });
    expect(answer.headers()["content-type"], operation).toContain("application/json");
    const body = (await answer.json()) as { status: number };
    expect(body.status, operation).toBe(answer.status());
    expect([200, 403, 404], operation).toContain(answer.status());
  }
});

test("the API reference page lists every operation, server-rendered from the document", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Gatehouse API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /PUT \/api\/user\/organizations\/\{id\}\/settings\/sso/ })).toBeVisible();
  await expect(page.getByText("X-Api-Key").first()).toBeVisible();
});
