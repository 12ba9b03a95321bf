-- What a drill's coverage needs of the intervention (type, rule, status, dates, not deleted), copied onto
-- its site links beside the scheduled start they already held, and kept equal by a cascading foreign key: the
-- latest done and next open drill of a rule on a site become one index lookup each. The rule is keyed as 0
-- when absent, since a foreign key with a null column is not checked.
ALTER TABLE "interventions" ADD COLUMN "rule_key" bigint GENERATED ALWAYS AS (coalesce(rule_id, 0)) STORED;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_site_coverage_key" UNIQUE("id","type","rule_key","status","scheduled_start","done_at","live");--> statement-breakpoint
ALTER TABLE "intervention_sites" DROP CONSTRAINT "intervention_sites_intervention_schedule_fk";--> statement-breakpoint
ALTER TABLE "interventions" DROP CONSTRAINT "interventions_id_scheduled_start_key";--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "type" smallint;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "rule_key" bigint;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "status" smallint;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "done_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "live" boolean;--> statement-breakpoint
UPDATE "intervention_sites" SET "type" = i."type", "rule_key" = i."rule_key", "status" = i."status", "scheduled_start" = i."scheduled_start", "done_at" = i."done_at", "live" = i."live" FROM "interventions" i WHERE i."id" = "intervention_sites"."intervention_id";--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "rule_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "done_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "live" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD CONSTRAINT "intervention_sites_coverage_fk" FOREIGN KEY ("intervention_id","type","rule_key","status","scheduled_start","done_at","live") REFERENCES "public"."interventions"("id","type","rule_key","status","scheduled_start","done_at","live") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "intervention_sites_drill_done_idx" ON "intervention_sites" USING btree ("site_id","rule_key","done_at" DESC NULLS LAST,"intervention_id" DESC NULLS LAST) WHERE "intervention_sites"."live" and "intervention_sites"."type" = 3 and "intervention_sites"."status" in (5, 4);--> statement-breakpoint
CREATE INDEX "intervention_sites_drill_open_idx" ON "intervention_sites" USING btree ("site_id","rule_key","scheduled_start","intervention_id") WHERE "intervention_sites"."live" and "intervention_sites"."type" = 3 and "intervention_sites"."status" in (1, 2, 3);
