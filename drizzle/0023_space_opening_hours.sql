ALTER TABLE "booking" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "rules" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "buffer_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "bookers" text[] DEFAULT '{founder,partner}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "weekly_hours" jsonb DEFAULT '[{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"},{"from":"00:00","to":"24:00"}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "closed_days" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "closed_on_holidays" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_series_id_index" ON "booking" USING btree ("series_id");--> statement-breakpoint
-- rows checked before: room_buffer_minutes
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "room" WHERE ("room"."buffer_minutes" between 0 and 240) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'room_buffer_minutes', 'room', broken, 'room', '"room"."buffer_minutes" between 0 and 240';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_buffer_minutes" CHECK ("room"."buffer_minutes" between 0 and 240);--> statement-breakpoint
-- rows checked before: room_bookers_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "room" WHERE ("room"."bookers" <@ array['founder', 'partner', 'expert']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'room_bookers_known', 'room', broken, 'room', '"room"."bookers" <@ array[''founder'', ''partner'', ''expert'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_bookers_known" CHECK ("room"."bookers" <@ array['founder', 'partner', 'expert']::text[]);--> statement-breakpoint
-- rows checked before: room_weekly_hours_week
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "room" WHERE (jsonb_typeof("room"."weekly_hours") = 'array' and jsonb_array_length("room"."weekly_hours") = 7) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'room_weekly_hours_week', 'room', broken, 'room', 'jsonb_typeof("room"."weekly_hours") = ''array'' and jsonb_array_length("room"."weekly_hours") = 7';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_weekly_hours_week" CHECK (jsonb_typeof("room"."weekly_hours") = 'array' and jsonb_array_length("room"."weekly_hours") = 7);