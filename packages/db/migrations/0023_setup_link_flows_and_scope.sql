ALTER TABLE "sso_flows" ADD COLUMN "setup_link_id" uuid;--> statement-breakpoint
ALTER TABLE "sso_setup_links" ADD COLUMN "scope" text[] DEFAULT ARRAY['sso']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_flows" ADD CONSTRAINT "sso_flows_setup_link_id_sso_setup_links_id_fk" FOREIGN KEY ("setup_link_id") REFERENCES "public"."sso_setup_links"("id") ON DELETE cascade ON UPDATE no action;