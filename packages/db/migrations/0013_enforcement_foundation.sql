CREATE TYPE "public"."auth_requirement" AS ENUM('any', 'mfa', 'sso');--> statement-breakpoint
ALTER TYPE "public"."sign_in_method" ADD VALUE 'social';--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "auth_required" "auth_requirement" DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "require_mfa" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "enforcement_suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sso_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sso_exempt_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_domains" ADD COLUMN "enforce_sso" boolean DEFAULT false NOT NULL;