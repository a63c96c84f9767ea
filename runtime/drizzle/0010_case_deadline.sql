ALTER TABLE "cases" ADD COLUMN "due_uncertain" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "due_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_uncertain" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- a case waiting for a supplement when this runs: its clock stands since the request (decision 0017)
UPDATE "cases" SET "due_paused_at" = to_timestamp(("snapshot"->'supplement'->>'requestedAt')::double precision / 1000), "due_at" = NULL
WHERE "status" = 'active' AND "matter_key" IS NOT NULL AND "due_at" IS NOT NULL AND jsonb_typeof("snapshot"->'supplement') = 'object';
