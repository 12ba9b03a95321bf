CREATE TABLE "obligation_reminders" (
	"organization_id" bigint NOT NULL,
	"site_rule_id" bigint NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obligation_reminders_organization_id_site_rule_id_due_at_kind_pk" PRIMARY KEY("organization_id","site_rule_id","due_at","kind"),
	CONSTRAINT "obligation_reminders_kind_check" CHECK ("obligation_reminders"."kind" in ('dueSoon', 'overdue'))
);
--> statement-breakpoint
ALTER TABLE "routines" DROP CONSTRAINT "routines_frequency_check";--> statement-breakpoint
DROP INDEX "routines_organization_id_next_due_at_index";--> statement-breakpoint
DROP INDEX "routines_site_rule_id_index";--> statement-breakpoint
ALTER TABLE "interventions" ADD COLUMN "routine_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "compliance_warning_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "routines" ADD COLUMN "assigned_company_contact_id" bigint;--> statement-breakpoint
ALTER TABLE "routines" ADD COLUMN "assigned_profile_id" bigint;--> statement-breakpoint
ALTER TABLE "routines" ADD COLUMN "lead_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "routines" ADD COLUMN "first_due_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- The first due date of a routine was its next_due_at.
UPDATE "routines" SET "first_due_at" = "next_due_at";--> statement-breakpoint
-- A routine's company becomes that company's first contact.
UPDATE "routines" SET "assigned_company_contact_id" = (
  SELECT min("id") FROM "company_contacts" WHERE "company_contacts"."company_id" = "routines"."company_id"
) WHERE "company_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "routines" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- The tenant-carrying foreign keys below need these targets first.
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_organization_id_key" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_organization_id_key" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_site_rule_key" UNIQUE("site_rule_id");--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_organization_id_key" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "site_rules" ADD CONSTRAINT "site_rules_organization_id_key" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "obligation_reminders" ADD CONSTRAINT "obligation_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_reminders" ADD CONSTRAINT "obligation_reminders_site_rule_fk" FOREIGN KEY ("organization_id","site_rule_id") REFERENCES "public"."site_rules"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_site_rule_fk" FOREIGN KEY ("organization_id","site_rule_id") REFERENCES "public"."site_rules"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_contact_fk" FOREIGN KEY ("organization_id","assigned_company_contact_id") REFERENCES "public"."company_contacts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_profile_fk" FOREIGN KEY ("organization_id","assigned_profile_id") REFERENCES "public"."profiles"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interventions_routine_occurrence_key" ON "interventions" USING btree ("routine_id","routine_due_at");--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_routine_occurrence_check" CHECK (("interventions"."routine_id" is null) = ("interventions"."routine_due_at" is null));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_warning_days_check" CHECK ("organizations"."compliance_warning_days" between 1 and 365);--> statement-breakpoint
ALTER TABLE "routines" ADD CONSTRAINT "routines_lead_days_check" CHECK ("routines"."lead_days" between 0 and 365);