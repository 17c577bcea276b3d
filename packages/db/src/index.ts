export * from "./schema";
export { createDatabase, type Database } from "./client";
export { migrateDatabase } from "./migrate";
export {
  sql,
  eq,
  ne,
  and,
  or,
  desc,
  asc,
  ilike,
  like,
  inArray,
  isNull,
  isNotNull,
  gt,
  gte,
  lt,
  lte,
  count,
  getTableColumns,
  TransactionRollbackError,
  type SQL,
} from "drizzle-orm";
