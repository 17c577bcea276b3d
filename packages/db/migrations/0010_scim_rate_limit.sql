ALTER TABLE "scim_tokens" ADD COLUMN "rate_window_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD COLUMN "rate_window_count" integer DEFAULT 0 NOT NULL;