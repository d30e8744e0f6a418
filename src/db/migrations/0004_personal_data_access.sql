CREATE TABLE "personal_data_access" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_data_access_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" bigint,
	"user_name" text,
	"kind" text NOT NULL,
	"person_id" bigint,
	"person_ids" jsonb,
	"rows" integer,
	"detail" text
);
--> statement-breakpoint
CREATE INDEX "personal_data_access_person_idx" ON "personal_data_access" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "personal_data_access_at_idx" ON "personal_data_access" USING btree ("at");