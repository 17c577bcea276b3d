DROP INDEX "users_name_trgm_idx";--> statement-breakpoint
DROP INDEX "users_name_email_sort_idx";--> statement-breakpoint
-- Both columns in one statement, so the table is rewritten once.
ALTER TABLE "users" ADD COLUMN "name_lower" text GENERATED ALWAYS AS (lower("users"."name")) STORED NOT NULL, ADD COLUMN "email_lower" text GENERATED ALWAYS AS (lower("users"."email")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "users_name_lower_trgm_idx" ON "users" USING gin ("name_lower" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "users_email_lower_trgm_idx" ON "users" USING gin ("email_lower" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "users_name_lower_email_idx" ON "users" USING btree ("name_lower","email");