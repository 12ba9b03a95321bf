-- Hand-ordered: the unique key exists before the foreign key that needs it, and existing links get their
-- copy of the scheduled start before the column becomes NOT NULL.
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_id_scheduled_start_key" UNIQUE("id","scheduled_start");--> statement-breakpoint
ALTER TABLE "intervention_sites" DROP CONSTRAINT "intervention_sites_intervention_id_interventions_id_fk";
--> statement-breakpoint
DROP INDEX "intervention_sites_organization_id_site_id_intervention_id_index";--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD COLUMN "scheduled_start" timestamp with time zone;--> statement-breakpoint
UPDATE "intervention_sites" SET "scheduled_start" = "interventions"."scheduled_start" FROM "interventions" WHERE "interventions"."id" = "intervention_sites"."intervention_id";--> statement-breakpoint
ALTER TABLE "intervention_sites" ALTER COLUMN "scheduled_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention_sites" ADD CONSTRAINT "intervention_sites_intervention_schedule_fk" FOREIGN KEY ("intervention_id","scheduled_start") REFERENCES "public"."interventions"("id","scheduled_start") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "intervention_sites_org_site_scheduled_idx" ON "intervention_sites" USING btree ("organization_id","site_id","scheduled_start","intervention_id");
