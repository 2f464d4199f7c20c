CREATE TABLE "import_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"file_id" uuid,
	"file_name" text NOT NULL,
	"event_id" uuid,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"header_row" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{"rows":0,"created":0,"existing":0,"skipped":0}'::jsonb NOT NULL,
	"created" jsonb DEFAULT '{"people":[],"registrations":[],"checkIns":[],"projects":[],"partners":[],"support":[]}'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	CONSTRAINT "import_batch_kind_known" CHECK ("import_batch"."kind" in ('attendance', 'projects', 'partners', 'support')),
	CONSTRAINT "import_batch_status_known" CHECK ("import_batch"."status" in ('draft', 'imported', 'undone')),
	CONSTRAINT "import_batch_header_row" CHECK ("import_batch"."header_row" >= 0)
);
--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batch_status_created_at_index" ON "import_batch" USING btree ("status","created_at");