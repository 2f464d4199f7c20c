ALTER TABLE "request_link" ADD COLUMN "need" text;--> statement-breakpoint
ALTER TABLE "support_request" ADD COLUMN "needs" text[];--> statement-breakpoint
-- A request filed before several needs names one: its kind.
UPDATE "support_request" SET "needs" = ARRAY["kind"];--> statement-breakpoint
ALTER TABLE "support_request" ALTER COLUMN "needs" SET NOT NULL;--> statement-breakpoint
-- rows checked before: request_link_need_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "request_link" WHERE ("request_link"."need" in ('consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'request_link_need_known', 'request_link', broken, 'request_link', '"request_link"."need" in (''consulting_production'', ''consulting_product'', ''consulting_ip'', ''consulting_standards'', ''consulting_marketing'', ''consulting_finance'', ''consulting_digital'', ''training'', ''space'', ''market_connection'', ''events'', ''funding'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_need_known" CHECK ("request_link"."need" in ('consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding'));--> statement-breakpoint
-- rows checked before: support_request_needs_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."needs" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_needs_known', 'support_request', broken, 'support_request', '"support_request"."needs" <@ array[''consulting_production'', ''consulting_product'', ''consulting_ip'', ''consulting_standards'', ''consulting_marketing'', ''consulting_finance'', ''consulting_digital'', ''training'', ''space'', ''market_connection'', ''events'', ''funding'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_needs_known" CHECK ("support_request"."needs" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]);--> statement-breakpoint
-- rows checked before: support_request_needs_start_with_kind
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."needs"[1] is not distinct from "support_request"."kind") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_needs_start_with_kind', 'support_request', broken, 'support_request', '"support_request"."needs"[1] is not distinct from "support_request"."kind"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_needs_start_with_kind" CHECK ("support_request"."needs"[1] is not distinct from "support_request"."kind");