ALTER TABLE "routines" DROP CONSTRAINT "routines_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "routines" DROP COLUMN "company_id";--> statement-breakpoint
ALTER TABLE "routines" DROP COLUMN "frequency_months";--> statement-breakpoint
ALTER TABLE "routines" DROP COLUMN "next_due_at";