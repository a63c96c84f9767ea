ALTER TABLE "cases" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "visibility" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
-- comments written before visibility existed: the applicant's own are theirs to see, staff's stay internal
UPDATE "comments" SET "visibility" = 'applicant' FROM "cases" WHERE "comments"."case_id" = "cases"."id" AND "comments"."author_id" = "cases"."applicant_id";--> statement-breakpoint
-- follow-ups of bad ratings opened before: internal, and no longer the rater's application
UPDATE "cases" SET "internal" = true, "applicant_id" = NULL WHERE "workflow_key" = 'rating-follow-up';
