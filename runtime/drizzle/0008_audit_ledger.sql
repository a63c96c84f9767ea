CREATE TABLE "audit_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"head" text NOT NULL,
	"mac" text NOT NULL,
	"position" bigint,
	"link" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_ledger_case_seq" ON "audit_ledger" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_ledger_position" ON "audit_ledger" USING btree ("position") WHERE "audit_ledger"."position" is not null;--> statement-breakpoint
CREATE INDEX "audit_ledger_unsealed" ON "audit_ledger" USING btree ("id") WHERE "audit_ledger"."position" is null;--> statement-breakpoint
-- Chains written before the ledger were hashed without a key: their heads go in first, marked legacy,
-- so that the sealer links them ahead of every keyed entry and a later rewrite of them shows (decision 0009).
INSERT INTO "audit_ledger" ("case_id", "seq", "head", "mac") SELECT "id", "audit_seq", "audit_head", 'legacy' FROM "cases" WHERE "audit_seq" > 0 ORDER BY "opened_at", "id";
