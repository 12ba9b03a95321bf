-- What an obligation needs of the interventions that cover it, copied onto their site rule links (kept
-- equal by a cascading foreign key), so that a site rule's latest done and next open check are one index
-- lookup each instead of a scan of the organization's history.
ALTER TABLE "interventions" ADD COLUMN "done_at" timestamp (3) with time zone GENERATED ALWAYS AS (coalesce(actual_end, scheduled_end)) STORED;--> statement-breakpoint
ALTER TABLE "interventions" ADD COLUMN "live" boolean GENERATED ALWAYS AS (deleted_at is null) STORED;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_coverage_key" UNIQUE("id","status","scheduled_start","done_at","live");--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ADD COLUMN "status" smallint;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ADD COLUMN "scheduled_start" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ADD COLUMN "done_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ADD COLUMN "live" boolean;--> statement-breakpoint
UPDATE "intervention_site_rules" SET "status" = i."status", "scheduled_start" = i."scheduled_start", "done_at" = i."done_at", "live" = i."live" FROM "interventions" i WHERE i."id" = "intervention_site_rules"."intervention_id";--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ALTER COLUMN "scheduled_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ALTER COLUMN "done_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ALTER COLUMN "live" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_site_rules" ADD CONSTRAINT "intervention_site_rules_coverage_fk" FOREIGN KEY ("intervention_id","status","scheduled_start","done_at","live") REFERENCES "public"."interventions"("id","status","scheduled_start","done_at","live") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "intervention_site_rules_done_idx" ON "intervention_site_rules" USING btree ("site_rule_id","done_at" DESC NULLS LAST,"intervention_id" DESC NULLS LAST) WHERE "intervention_site_rules"."live" and "intervention_site_rules"."status" in (5, 4);--> statement-breakpoint
CREATE INDEX "intervention_site_rules_open_idx" ON "intervention_site_rules" USING btree ("site_rule_id","scheduled_start","intervention_id") WHERE "intervention_site_rules"."live" and "intervention_site_rules"."status" in (1, 2, 3);
