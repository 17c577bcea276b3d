-- A null grant meant "every account of the user", so a password session also opened accounts
-- joined after its sign-in. Name what such a session proved: the accounts the user belonged to
-- when it began (enforcement narrowed the grant at sign-in, so a null one had none that enforced).
UPDATE "sessions" SET "granted_account_ids" = coalesce(
  (SELECT array_agg("memberships"."account_id" ORDER BY "memberships"."created_at") FROM "memberships"
    WHERE "memberships"."user_id" = "sessions"."user_id" AND "memberships"."created_at" <= "sessions"."created_at"),
  '{}'::uuid[])
WHERE "granted_account_ids" IS NULL;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "granted_account_ids" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "memberships_sso_exempt_until_idx" ON "memberships" USING btree ("sso_exempt_until") WHERE "memberships"."sso_exempt";