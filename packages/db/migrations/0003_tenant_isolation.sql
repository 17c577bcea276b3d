DROP INDEX "sso_identities_connection_subject_key";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "granted_account_ids" uuid[];--> statement-breakpoint
-- Sessions signed in through SSO before this change grant only their connection's account.
UPDATE "sessions" SET "granted_account_ids" = ARRAY(SELECT c."account_id" FROM "sso_connections" c WHERE c."id" = "sessions"."connection_id") WHERE "method" = 'sso';--> statement-breakpoint
ALTER TABLE "sso_identities" ADD COLUMN "issuer" text;--> statement-breakpoint
-- The issuer of a linked identity is its connection's: the SAML IdP entity ID or the OIDC issuer.
UPDATE "sso_identities" i SET "issuer" = COALESCE(c."idp_entity_id", c."issuer", c."discovery_url", '') FROM "sso_connections" c WHERE c."id" = i."connection_id";--> statement-breakpoint
-- Links made by email across accounts (the flaw this migration closes) are dropped: their next
-- sign-in goes through the linking rules again.
DELETE FROM "sso_identities" i USING "sso_connections" c WHERE c."id" = i."connection_id" AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."user_id" = i."user_id" AND m."account_id" = c."account_id");--> statement-breakpoint
ALTER TABLE "sso_identities" ALTER COLUMN "issuer" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "sso_identities_connection_user_idx" ON "sso_identities" USING btree ("connection_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_identities_connection_subject_key" ON "sso_identities" USING btree ("connection_id","issuer","subject");
