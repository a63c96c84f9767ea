CREATE TABLE "bundle_ratings" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"rater_id" uuid NOT NULL,
	"score" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bundle_ratings" ADD CONSTRAINT "bundle_ratings_application_id_bundle_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."bundle_applications"("id") ON DELETE no action ON UPDATE no action;