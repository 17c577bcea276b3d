import { createRequire } from "node:module";

// samlify is CommonJS with TypeScript re-export getters that Node's ESM loader cannot
// see (SamlLib, Utility … come back undefined), so load it through require.
const require = createRequire(import.meta.url);
export const samlify = require("samlify") as typeof import("samlify");
