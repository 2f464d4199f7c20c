ALTER TABLE "project" ADD COLUMN "publish_review" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "review_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_publish_review" ON "project" USING btree ("publish_review","updated_at") WHERE "project"."publish_review" IS NOT NULL;--> statement-breakpoint
-- rows checked before: project_publish_review_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."publish_review" in ('pending', 'returned')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_publish_review_known', 'project', broken, 'project', '"project"."publish_review" in (''pending'', ''returned'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_publish_review_known" CHECK ("project"."publish_review" in ('pending', 'returned'));--> statement-breakpoint
-- rows checked before: project_review_not_public
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."publish_review" IS NULL OR NOT "project"."is_public") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_review_not_public', 'project', broken, 'project', '"project"."publish_review" IS NULL OR NOT "project"."is_public"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_review_not_public" CHECK ("project"."publish_review" IS NULL OR NOT "project"."is_public");