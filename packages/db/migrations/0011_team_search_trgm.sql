-- pg_trgm ships with PostgreSQL (contrib) and with the embedded server; the GIN indexes below need its operator class.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_name_email_sort_idx" ON "users" USING btree (lower("name"),"email");
