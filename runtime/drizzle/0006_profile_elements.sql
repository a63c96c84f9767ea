CREATE TABLE "profile_elements" (
	"user_id" uuid NOT NULL,
	"element" text NOT NULL,
	"value" jsonb NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "profile_elements_user_id_element_pk" PRIMARY KEY("user_id","element")
);
--> statement-breakpoint
ALTER TABLE "profile_elements" ADD CONSTRAINT "profile_elements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;