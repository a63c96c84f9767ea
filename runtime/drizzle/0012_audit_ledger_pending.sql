CREATE TABLE "audit_ledger_pending" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"head" text NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
-- entries not sealed yet move to the table commits now write them to; the ledger keeps the sealed chain (decision 0009)
INSERT INTO "audit_ledger_pending" ("case_id", "seq", "head", "mac") SELECT "case_id", "seq", "head", "mac" FROM "audit_ledger" WHERE "position" IS NULL ORDER BY "id";--> statement-breakpoint
DELETE FROM "audit_ledger" WHERE "position" IS NULL;--> statement-breakpoint
DROP INDEX "audit_ledger_case_seq";--> statement-breakpoint
DROP INDEX "audit_ledger_position";--> statement-breakpoint
DROP INDEX "audit_ledger_unsealed";--> statement-breakpoint
ALTER TABLE "audit_ledger" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "audit_ledger" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_ledger" ALTER COLUMN "link" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_ledger" ADD PRIMARY KEY ("position");--> statement-breakpoint
CREATE INDEX "audit_ledger_case" ON "audit_ledger" USING btree ("case_id","seq");
