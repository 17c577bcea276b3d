CREATE TYPE "public"."login_provider_provisioning" AS ENUM('auto_provision', 'match_only');--> statement-breakpoint
ALTER TYPE "public"."member_source" ADD VALUE 'signup';--> statement-breakpoint
CREATE TABLE "deployment_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"federated_login_enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_provider_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"actor_user_id" uuid,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"callback_url" text,
	"browser_binding_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "login_provider_flows_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "login_provider_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_provider_pending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"email" text NOT NULL,
	"claims" jsonb NOT NULL,
	"callback_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "login_provider_pending_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "login_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"discovery_url" text NOT NULL,
	"issuer" text,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text,
	"token_endpoint_auth_method" "token_endpoint_auth_method" DEFAULT 'client_secret_post' NOT NULL,
	"scopes" text DEFAULT 'openid profile email' NOT NULL,
	"provisioning_mode" "login_provider_provisioning" DEFAULT 'auto_provision' NOT NULL,
	"allowed_domains" text[] DEFAULT '{}' NOT NULL,
	"email_trust" "email_trust_mode" DEFAULT 'verify_with_claim' NOT NULL,
	"attribute_mapping" jsonb NOT NULL,
	"logo_data_url" text,
	"button_text" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"last_test" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_providers_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
CREATE TABLE "sign_up_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sign_up_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "login_provider_flows" ADD CONSTRAINT "login_provider_flows_provider_id_login_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."login_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_provider_flows" ADD CONSTRAINT "login_provider_flows_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_provider_identities" ADD CONSTRAINT "login_provider_identities_provider_id_login_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."login_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_provider_identities" ADD CONSTRAINT "login_provider_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_provider_pending" ADD CONSTRAINT "login_provider_pending_provider_id_login_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."login_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_provider_flows_expires_idx" ON "login_provider_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "login_provider_identities_key" ON "login_provider_identities" USING btree ("provider_id","issuer","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "login_provider_identities_user_key" ON "login_provider_identities" USING btree ("provider_id","user_id");