CREATE TABLE "name_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_name_word" (
	"word" text NOT NULL,
	"sort_key" text NOT NULL,
	"person_id" bigint NOT NULL,
	"name_folded" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "person_name_trgm";--> statement-breakpoint
CREATE INDEX "person_name_word_idx" ON "person_name_word" USING btree ("word","sort_key","person_id","name_folded");