#!/usr/bin/env node
// `pnpm gatehouse …` runs this bin directly (no package script), so pnpm prints no banner and
// standard output carries the command's result alone.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
