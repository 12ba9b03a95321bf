DROP INDEX "email_outbox_status_next_attempt_at_index";--> statement-breakpoint
ALTER TABLE "email_outbox" DROP COLUMN "next_attempt_at";