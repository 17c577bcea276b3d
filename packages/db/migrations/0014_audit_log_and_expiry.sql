CREATE TABLE "sso_expiry_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"credential" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"threshold_days" integer NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_events_account_time_idx";--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "client_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sso_expiry_reminders" ADD CONSTRAINT "sso_expiry_reminders_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_expiry_reminders_once_key" ON "sso_expiry_reminders" USING btree ("connection_id","credential","expires_at","threshold_days");--> statement-breakpoint
CREATE INDEX "audit_events_account_actor_time_idx" ON "audit_events" USING btree ("account_id","actor_label","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_account_time_idx" ON "audit_events" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);