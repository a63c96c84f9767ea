CREATE TABLE "bundle_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bundle_key" text NOT NULL,
	"bundle_version" integer NOT NULL,
	"applicant_id" uuid,
	"data" jsonb NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bundle_items" (
	"application_id" uuid NOT NULL,
	"matter" text NOT NULL,
	"position" integer NOT NULL,
	"after" jsonb NOT NULL,
	"status" text NOT NULL,
	"case_id" uuid,
	"result" text,
	CONSTRAINT "bundle_items_application_id_matter_pk" PRIMARY KEY("application_id","matter")
);
--> statement-breakpoint
ALTER TABLE "bundle_items" ADD CONSTRAINT "bundle_items_application_id_bundle_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."bundle_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bundle_applications_applicant" ON "bundle_applications" USING btree ("applicant_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bundle_items_case" ON "bundle_items" USING btree ("case_id");