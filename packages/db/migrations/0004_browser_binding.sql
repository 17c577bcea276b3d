ALTER TABLE "sso_flows" ADD COLUMN "browser_binding_hash" text;--> statement-breakpoint
CREATE INDEX "sso_flows_browser_binding_idx" ON "sso_flows" USING btree ("browser_binding_hash");