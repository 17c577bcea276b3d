import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SamlApp } from "./apps";

const FILE = "saml-apps.json";

/**
 * SAML SPs pin the IdP certificate they imported, so regenerating keys on every restart
 * would break a Gatehouse connection configured once. Apps (keys included) are saved
 * here when the sandbox runs with a state directory.
 */
export function loadSamlApps(stateDir: string): SamlApp[] {
  let text: string;
  try {
    text = readFileSync(join(stateDir, FILE), "utf8");
  } catch {
    return [];
  }
  const DATE_FIELDS = new Set(["createdAt", "notBefore", "notAfter"]);
  return JSON.parse(text, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value)) as SamlApp[];
}

export function saveSamlApps(stateDir: string, apps: SamlApp[]): void {
  mkdirSync(stateDir, { recursive: true });
  const target = join(stateDir, FILE);
  // Write-then-rename so a crash mid-write never leaves a truncated file behind.
  writeFileSync(`${target}.tmp`, `${JSON.stringify(apps, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${target}.tmp`, target);
}
