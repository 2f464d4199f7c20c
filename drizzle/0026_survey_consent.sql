ALTER TABLE "consent" DROP CONSTRAINT "consent_purpose_known";--> statement-breakpoint
ALTER TABLE "consent" DROP CONSTRAINT "consent_source_known";--> statement-breakpoint
-- rows checked before: consent_purpose_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "consent" WHERE ("consent"."purpose" in ('service', 'event', 'news', 'survey')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'consent_purpose_known', 'consent', broken, 'consent', '"consent"."purpose" in (''service'', ''event'', ''news'', ''survey'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_purpose_known" CHECK ("consent"."purpose" in ('service', 'event', 'news', 'survey'));--> statement-breakpoint
-- rows checked before: consent_source_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "consent" WHERE ("consent"."source" in ('sign_up', 'event_registration', 'import', 'account', 'survey')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'consent_source_known', 'consent', broken, 'consent', '"consent"."source" in (''sign_up'', ''event_registration'', ''import'', ''account'', ''survey'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_source_known" CHECK ("consent"."source" in ('sign_up', 'event_registration', 'import', 'account', 'survey'));