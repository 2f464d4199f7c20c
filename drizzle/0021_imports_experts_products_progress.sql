ALTER TABLE "import_batch" DROP CONSTRAINT "import_batch_kind_known";--> statement-breakpoint
ALTER TABLE "import_batch" DROP CONSTRAINT "import_batch_status_known";--> statement-breakpoint
ALTER TABLE "import_batch" ADD COLUMN "processed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- rows checked before: import_batch_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "import_batch" WHERE ("import_batch"."kind" in ('attendance', 'projects', 'partners', 'support', 'experts', 'products')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'import_batch_kind_known', 'import_batch', broken, 'import_batch', '"import_batch"."kind" in (''attendance'', ''projects'', ''partners'', ''support'', ''experts'', ''products'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_kind_known" CHECK ("import_batch"."kind" in ('attendance', 'projects', 'partners', 'support', 'experts', 'products'));--> statement-breakpoint
-- rows checked before: import_batch_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "import_batch" WHERE ("import_batch"."status" in ('draft', 'running', 'imported', 'failed', 'undone')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'import_batch_status_known', 'import_batch', broken, 'import_batch', '"import_batch"."status" in (''draft'', ''running'', ''imported'', ''failed'', ''undone'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_status_known" CHECK ("import_batch"."status" in ('draft', 'running', 'imported', 'failed', 'undone'));