export * from "./schema";
export { createDatabase, type Database } from "./client";
export { migrateDatabase } from "./migrate";
export { sql, eq, ne, and, or, desc, asc, ilike, inArray, isNull, isNotNull, gt, lt, count } from "drizzle-orm";
