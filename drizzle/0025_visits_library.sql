CREATE TABLE "library_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"tags" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"year" integer,
	"file_id" uuid,
	"url" text DEFAULT '' NOT NULL,
	"shelf_mark" text DEFAULT '' NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"title_search" text GENERATED ALWAYS AS (lower(f_unaccent(title))) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(title || ' ' || tags || ' ' || author || ' ' || left(description, 500)))) STORED NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_item_slug_unique" UNIQUE("slug"),
	CONSTRAINT "library_item_kind_known" CHECK ("library_item"."kind" in ('guide', 'template', 'legal_text', 'recording', 'book')),
	CONSTRAINT "library_item_category_known" CHECK ("library_item"."category" in ('startup', 'business_plan', 'ocop', 'intellectual_property', 'quality_food_safety', 'marketing_sales', 'finance', 'digital')),
	CONSTRAINT "library_item_access_known" CHECK ("library_item"."access" in ('public', 'members')),
	CONSTRAINT "library_item_downloads" CHECK ("library_item"."downloads" >= 0),
	CONSTRAINT "library_item_year" CHECK ("library_item"."year" is null or "library_item"."year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" text,
	"visited_on" date NOT NULL,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purpose" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"request_number" integer,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_purpose_known" CHECK ("visit"."purpose" in ('information', 'support', 'meeting', 'workroom', 'event')),
	CONSTRAINT "visit_channel_known" CHECK ("visit"."channel" in ('desk', 'self'))
);
--> statement-breakpoint
ALTER TABLE "support" DROP CONSTRAINT "support_source_kind_known";--> statement-breakpoint
ALTER TABLE "library_item" ADD CONSTRAINT "library_item_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_item" ADD CONSTRAINT "library_item_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_item_search" ON "library_item" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "library_item_category_created_at_index" ON "library_item" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "visit_visited_on_index" ON "visit" USING btree ("visited_on");--> statement-breakpoint
CREATE INDEX "visit_person_id_index" ON "visit" USING btree ("person_id");--> statement-breakpoint
-- rows checked before: support_source_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."source_kind" in ('manual', 'engagement', 'introduction', 'event_seat', 'nomination', 'listing', 'sales_connection', 'request', 'booking', 'import', 'visit')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_source_kind_known', 'support', broken, 'support', '"support"."source_kind" in (''manual'', ''engagement'', ''introduction'', ''event_seat'', ''nomination'', ''listing'', ''sales_connection'', ''request'', ''booking'', ''import'', ''visit'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_source_kind_known" CHECK ("support"."source_kind" in ('manual', 'engagement', 'introduction', 'event_seat', 'nomination', 'listing', 'sales_connection', 'request', 'booking', 'import', 'visit'));