CREATE TYPE "public"."email_trust_mode" AS ENUM('verify_with_claim', 'trust', 'always_verify', 'verified_domains');--> statement-breakpoint
CREATE TYPE "public"."provisioning_mode" AS ENUM('match', 'jit');--> statement-breakpoint
CREATE TYPE "public"."saml_source" AS ENUM('metadata_url', 'metadata_xml', 'manual');--> statement-breakpoint
CREATE TYPE "public"."sso_provider" AS ENUM('google', 'okta', 'entra', 'oidc', 'saml');--> statement-breakpoint
CREATE TYPE "public"."token_endpoint_auth_method" AS ENUM('client_secret_post', 'client_secret_basic', 'none');--> statement-breakpoint
CREATE TABLE "saml_seen_ids" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"provider" "sso_provider" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"button_text" text NOT NULL,
	"logo_data_url" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"discovery_url" text,
	"issuer" text,
	"client_id" text,
	"client_secret_encrypted" text,
	"token_endpoint_auth_method" "token_endpoint_auth_method",
	"scopes" text DEFAULT 'openid profile email' NOT NULL,
	"google_hosted_domain" text,
	"saml_source" "saml_source",
	"metadata_url" text,
	"metadata_xml" text,
	"idp_entity_id" text,
	"idp_sso_url" text,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata_refreshed_at" timestamp with time zone,
	"clock_skew_seconds" integer DEFAULT 120 NOT NULL,
	"idp_initiated_enabled" boolean DEFAULT false NOT NULL,
	"provisioning_mode" "provisioning_mode" DEFAULT 'match' NOT NULL,
	"jit_role" "member_role" DEFAULT 'member' NOT NULL,
	"allowed_domains" text[] DEFAULT '{}' NOT NULL,
	"email_trust" "email_trust_mode" DEFAULT 'verify_with_claim' NOT NULL,
	"attribute_mapping" jsonb NOT NULL,
	"last_result" jsonb,
	"verified_at" timestamp with time zone,
	"last_claims" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_email_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"email" text NOT NULL,
	"claims" jsonb NOT NULL,
	"callback_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sso_email_verifications_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sso_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"actor_user_id" uuid,
	"test_id" uuid,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"callback_url" text,
	"observations" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "sso_flows_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "sso_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"email_proven_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_email_verifications" ADD CONSTRAINT "sso_email_verifications_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_flows" ADD CONSTRAINT "sso_flows_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_flows" ADD CONSTRAINT "sso_flows_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identities" ADD CONSTRAINT "sso_identities_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identities" ADD CONSTRAINT "sso_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_results" ADD CONSTRAINT "sso_results_connection_id_sso_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_connections_account_idx" ON "sso_connections" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_identities_connection_subject_key" ON "sso_identities" USING btree ("connection_id","subject");--> statement-breakpoint
CREATE INDEX "sso_results_connection_time_idx" ON "sso_results" USING btree ("connection_id","created_at");