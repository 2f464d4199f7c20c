CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"sex" text,
	"birth_year" smallint,
	"ethnicity" text,
	"commune_slug" text,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(full_name))) STORED,
	CONSTRAINT "person_sex_known" CHECK ("person"."sex" in ('female', 'male')),
	CONSTRAINT "person_ethnicity_known" CHECK ("person"."ethnicity" in ('kinh', 'tay', 'nung', 'dao', 'san_chay', 'hmong', 'hoa', 'san_diu', 'other')),
	CONSTRAINT "person_birth_year" CHECK ("person"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "support" DROP CONSTRAINT "support_sourceModule_sourceId_unique";--> statement-breakpoint
ALTER TABLE "support" DROP CONSTRAINT "support_project_id_project_id_fk";
--> statement-breakpoint
ALTER TABLE "support" ALTER COLUMN "project_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "nomination" ADD COLUMN "nominated_on" date DEFAULT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date NOT NULL;--> statement-breakpoint
ALTER TABLE "event_registration" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "project_member" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "support" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "support" ADD COLUMN "source_kind" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
-- Backfill (hand-written): each ledger row's source kind, from the module that wrote it; the
-- products module's ids lose their "listing:"/"connection:" prefix, the demo's get "demo:".
UPDATE "support" SET "source_kind" = CASE
    WHEN "source_module" = 'engagements' THEN 'engagement'
    WHEN "source_module" = 'partners' THEN 'introduction'
    WHEN "source_module" = 'requests' THEN 'request'
    WHEN "source_module" = 'seed' THEN 'import'
    WHEN "source_module" = 'products' AND "source_id" LIKE 'listing:%' THEN 'listing'
    WHEN "source_module" = 'products' AND "source_id" LIKE 'connection:%' THEN 'sales_connection'
    WHEN "source_module" = 'events' AND EXISTS (SELECT 1 FROM "nomination" n WHERE n."id"::text = "support"."source_id") THEN 'nomination'
    WHEN "source_module" = 'events' THEN 'event_seat'
    ELSE 'manual' END;--> statement-breakpoint
UPDATE "support" SET "source_id" = substring("source_id" from position(':' in "source_id") + 1)
  WHERE "source_module" = 'products' AND "source_id" ~ '^(listing|connection):';--> statement-breakpoint
UPDATE "support" SET "source_id" = 'demo:' || "source_id" WHERE "source_module" = 'seed' AND "source_id" IS NOT NULL;--> statement-breakpoint
-- Backfill: a nomination is dated the day it was made, and so is its ledger row.
UPDATE "nomination" SET "nominated_on" = ("created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;--> statement-breakpoint
UPDATE "support" s SET "started_on" = n."nominated_on", "ended_on" = n."nominated_on"
  FROM "nomination" n WHERE s."source_kind" = 'nomination' AND s."source_id" = n."id"::text;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_commune_slug_commune_slug_fk" FOREIGN KEY ("commune_slug") REFERENCES "public"."commune"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_merged_into_person_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_phone_unique" ON "person" USING btree ("phone") WHERE "person"."phone" <> '' AND "person"."merged_into" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_unique" ON "person" USING btree ("email") WHERE "person"."email" <> '' AND "person"."merged_into" IS NULL;--> statement-breakpoint
CREATE INDEX "person_merged_into_index" ON "person" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "person_search" ON "person" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_registration_person_id_index" ON "event_registration" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_person_id_started_on_index" ON "support" USING btree ("person_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "support_source_unique" ON "support" USING btree ("source_kind","source_id") WHERE "support"."source_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "support" DROP COLUMN "source_module";--> statement-breakpoint
-- Backfill (hand-written): the people registry from the registrations, in registration order.
-- The same phone (normalised: +84/84 → 0, digits only) or the same e-mail (lower-cased) is one
-- person; what a later registration adds (the other contact, sex…) fills what was missing.
DO $people$
DECLARE r record; pid uuid; ph text; em text;
BEGIN
  FOR r IN SELECT * FROM "event_registration" ORDER BY "number" LOOP
    ph := regexp_replace(coalesce(r."phone", ''), '[[:space:].()-]', '', 'g');
    IF ph ~ '^\+84[0-9]{9,10}$' THEN ph := '0' || substr(ph, 4);
    ELSIF ph ~ '^84[0-9]{9,10}$' THEN ph := '0' || substr(ph, 3);
    END IF;
    em := lower(trim(coalesce(r."email", '')));
    pid := NULL;
    IF ph <> '' THEN SELECT "id" INTO pid FROM "person" WHERE "phone" = ph AND "merged_into" IS NULL LIMIT 1; END IF;
    IF pid IS NULL AND em <> '' THEN SELECT "id" INTO pid FROM "person" WHERE "email" = em AND "merged_into" IS NULL LIMIT 1; END IF;
    IF pid IS NULL THEN
      INSERT INTO "person" ("full_name", "sex", "birth_year", "ethnicity", "commune_slug", "phone", "email", "created_at")
      VALUES (r."name",
              CASE WHEN r."sex" IN ('female', 'male') THEN r."sex" END,
              CASE WHEN r."birth_year" BETWEEN 1900 AND 2100 THEN r."birth_year" END,
              CASE WHEN r."ethnicity" IN ('kinh', 'tay', 'nung', 'dao', 'san_chay', 'hmong', 'hoa', 'san_diu', 'other') THEN r."ethnicity" END,
              r."commune_slug", ph, em, r."created_at")
      RETURNING "id" INTO pid;
    ELSE
      UPDATE "person" p SET
        "phone" = CASE WHEN p."phone" = '' AND ph <> '' AND NOT EXISTS (SELECT 1 FROM "person" o WHERE o."phone" = ph AND o."merged_into" IS NULL) THEN ph ELSE p."phone" END,
        "email" = CASE WHEN p."email" = '' AND em <> '' AND NOT EXISTS (SELECT 1 FROM "person" o WHERE o."email" = em AND o."merged_into" IS NULL) THEN em ELSE p."email" END,
        "commune_slug" = coalesce(p."commune_slug", r."commune_slug")
      WHERE p."id" = pid;
    END IF;
    UPDATE "event_registration" SET "person_id" = pid WHERE "id" = r."id";
  END LOOP;
END $people$;--> statement-breakpoint
-- Backfill: every attended seat is one ledger row (person, and project when the seat names one),
-- from the first to the last day attended, with its hours.
INSERT INTO "support" ("project_id", "person_id", "kind", "provider_kind", "provider_name", "title", "started_on",
                       "ended_on", "status", "outcome", "figures", "evidence_links", "source_kind", "source_id")
SELECT r."project_id", r."person_id",
       CASE WHEN e."kind" IN ('course', 'workshop') THEN 'training' ELSE 'event_introduction' END,
       'organisation', e."organiser", e."title", min(s."day"), max(s."day"), 'done',
       r."name" || ' tham dự ' || count(*) || '/' || (SELECT count(*) FROM "event_session" x WHERE x."event_id" = e."id") || ' buổi',
       jsonb_build_object('hours', round(sum(extract(epoch FROM (s."end_time"::time - s."start_time"::time)) / 3600)::numeric * 2) / 2),
       ARRAY['/su-kien/' || e."slug"], 'event_seat', r."id"::text
  FROM "event_registration" r
  JOIN "event" e ON e."id" = r."event_id"
  JOIN "event_attendance" a ON a."registration_id" = r."id"
  JOIN "event_session" s ON s."id" = a."session_id"
 WHERE r."status" = 'confirmed' AND r."person_id" IS NOT NULL
 GROUP BY r."id", e."id"
ON CONFLICT ("source_kind", "source_id") WHERE "source_id" IS NOT NULL DO UPDATE SET
  "person_id" = excluded."person_id", "started_on" = excluded."started_on", "ended_on" = excluded."ended_on",
  "outcome" = excluded."outcome", "figures" = excluded."figures", "evidence_links" = excluded."evidence_links",
  "updated_at" = now();--> statement-breakpoint
-- rows checked before: support_beneficiary_set
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."project_id" IS NOT NULL OR "support"."person_id" IS NOT NULL) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_beneficiary_set', 'support', broken, 'support', '"support"."project_id" IS NOT NULL OR "support"."person_id" IS NOT NULL';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_beneficiary_set" CHECK ("support"."project_id" IS NOT NULL OR "support"."person_id" IS NOT NULL);--> statement-breakpoint
-- rows checked before: support_source_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."source_kind" in ('manual', 'engagement', 'introduction', 'event_seat', 'nomination', 'listing', 'sales_connection', 'request', 'booking', 'import')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_source_kind_known', 'support', broken, 'support', '"support"."source_kind" in (''manual'', ''engagement'', ''introduction'', ''event_seat'', ''nomination'', ''listing'', ''sales_connection'', ''request'', ''booking'', ''import'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_source_kind_known" CHECK ("support"."source_kind" in ('manual', 'engagement', 'introduction', 'event_seat', 'nomination', 'listing', 'sales_connection', 'request', 'booking', 'import'));