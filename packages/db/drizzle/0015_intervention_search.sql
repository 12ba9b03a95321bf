CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "interventions_description_trgm_idx" ON "interventions" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "interventions_org_company_idx" ON "interventions" USING btree ("organization_id","company_id","scheduled_start");
