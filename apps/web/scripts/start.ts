import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

// `pnpm start` after `pnpm build`: migrations on start, never the demo seed.
const port = process.env.PORT ?? "3000";
const database = await prepareDatabase({ seed: false });
runNext(["start", "--port", port], { DATABASE_URL: database.url }, database.stop);
