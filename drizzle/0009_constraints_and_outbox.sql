ALTER TABLE "mail_outbox" ALTER COLUMN "status" SET DEFAULT 'queued';--> statement-breakpoint
ALTER TABLE "engagement_session" ALTER COLUMN "hours" SET DATA TYPE numeric(6, 1);--> statement-breakpoint
ALTER TABLE "event_certificate" ALTER COLUMN "hours" SET DATA TYPE numeric(6, 1);--> statement-breakpoint
ALTER TABLE "product" ALTER COLUMN "price_min_vnd" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "product" ALTER COLUMN "price_max_vnd" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "mail_outbox" USING btree ("next_attempt_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
-- rows checked before: user_role_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "user" WHERE ("user"."role" in ('admin', 'officer', 'founder', 'expert', 'partner')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'user_role_known', 'user', broken, 'user', '"user"."role" in (''admin'', ''officer'', ''founder'', ''expert'', ''partner'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_role_known" CHECK ("user"."role" in ('admin', 'officer', 'founder', 'expert', 'partner'));--> statement-breakpoint
-- rows checked before: stored_file_size
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "stored_file" WHERE ("stored_file"."size" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'stored_file_size', 'stored_file', broken, 'stored_file', '"stored_file"."size" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_size" CHECK ("stored_file"."size" >= 0);--> statement-breakpoint
-- Mail kept for admins when no SMTP was configured had the status 'outbox'; it is now 'kept'.
UPDATE "mail_outbox" SET "status" = 'kept' WHERE "status" = 'outbox';--> statement-breakpoint
-- rows checked before: mail_outbox_status
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "mail_outbox" WHERE ("mail_outbox"."status" in ('queued', 'sending', 'sent', 'kept', 'failed')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'mail_outbox_status', 'mail_outbox', broken, 'mail_outbox', '"mail_outbox"."status" in (''queued'', ''sending'', ''sent'', ''kept'', ''failed'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('queued', 'sending', 'sent', 'kept', 'failed'));--> statement-breakpoint
-- rows checked before: mail_outbox_attempts
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "mail_outbox" WHERE ("mail_outbox"."attempts" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'mail_outbox_attempts', 'mail_outbox', broken, 'mail_outbox', '"mail_outbox"."attempts" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_attempts" CHECK ("mail_outbox"."attempts" >= 0);--> statement-breakpoint
-- rows checked before: engagement_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "engagement" WHERE ("engagement"."status" in ('proposed', 'active', 'declined', 'closed')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'engagement_status_known', 'engagement', broken, 'engagement', '"engagement"."status" in (''proposed'', ''active'', ''declined'', ''closed'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "engagement" ADD CONSTRAINT "engagement_status_known" CHECK ("engagement"."status" in ('proposed', 'active', 'declined', 'closed'));--> statement-breakpoint
-- rows checked before: engagement_session_hours
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "engagement_session" WHERE ("engagement_session"."hours" > 0 and "engagement_session"."hours" <= 24) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'engagement_session_hours', 'engagement_session', broken, 'engagement_session', '"engagement_session"."hours" > 0 and "engagement_session"."hours" <= 24';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "engagement_session" ADD CONSTRAINT "engagement_session_hours" CHECK ("engagement_session"."hours" > 0 and "engagement_session"."hours" <= 24);--> statement-breakpoint
-- rows checked before: event_attendance_method_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_attendance" WHERE ("event_attendance"."method" in ('code', 'list', 'walk_in')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_attendance_method_known', 'event_attendance', broken, 'event_attendance', '"event_attendance"."method" in (''code'', ''list'', ''walk_in'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_method_known" CHECK ("event_attendance"."method" in ('code', 'list', 'walk_in'));--> statement-breakpoint
-- rows checked before: event_certificate_sessions
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_certificate" WHERE ("event_certificate"."sessions_attended" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_certificate_sessions', 'event_certificate', broken, 'event_certificate', '"event_certificate"."sessions_attended" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_certificate" ADD CONSTRAINT "event_certificate_sessions" CHECK ("event_certificate"."sessions_attended" >= 0);--> statement-breakpoint
-- rows checked before: event_certificate_hours
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_certificate" WHERE ("event_certificate"."hours" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_certificate_hours', 'event_certificate', broken, 'event_certificate', '"event_certificate"."hours" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_certificate" ADD CONSTRAINT "event_certificate_hours" CHECK ("event_certificate"."hours" >= 0);--> statement-breakpoint
-- rows checked before: event_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."kind" in ('course', 'workshop', 'fair', 'pitching', 'contest')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_kind_known', 'event', broken, 'event', '"event"."kind" in (''course'', ''workshop'', ''fair'', ''pitching'', ''contest'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_kind_known" CHECK ("event"."kind" in ('course', 'workshop', 'fair', 'pitching', 'contest'));--> statement-breakpoint
-- rows checked before: event_audience_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."audience" in ('public', 'founders', 'invited')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_audience_known', 'event', broken, 'event', '"event"."audience" in (''public'', ''founders'', ''invited'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_audience_known" CHECK ("event"."audience" in ('public', 'founders', 'invited'));--> statement-breakpoint
-- rows checked before: event_capacity
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."capacity" >= 1) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_capacity', 'event', broken, 'event', '"event"."capacity" >= 1';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_capacity" CHECK ("event"."capacity" >= 1);--> statement-breakpoint
-- rows checked before: event_certificate_percent
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."certificate_percent" between 0 and 100) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_certificate_percent', 'event', broken, 'event', '"event"."certificate_percent" between 0 and 100';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_certificate_percent" CHECK ("event"."certificate_percent" between 0 and 100);--> statement-breakpoint
-- rows checked before: event_days_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."ends_on" >= "event"."starts_on") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_days_in_order', 'event', broken, 'event', '"event"."ends_on" >= "event"."starts_on"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_days_in_order" CHECK ("event"."ends_on" >= "event"."starts_on");--> statement-breakpoint
-- rows checked before: event_registration_window_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event" WHERE ("event"."registration_closes_on" >= "event"."registration_opens_on") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_window_in_order', 'event', broken, 'event', '"event"."registration_closes_on" >= "event"."registration_opens_on"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_registration_window_in_order" CHECK ("event"."registration_closes_on" >= "event"."registration_opens_on");--> statement-breakpoint
-- rows checked before: event_session_position
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_session" WHERE ("event_session"."position" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_session_position', 'event_session', broken, 'event_session', '"event_session"."position" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_position" CHECK ("event_session"."position" >= 0);--> statement-breakpoint
-- rows checked before: event_session_start_time
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_session" WHERE ("event_session"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_session_start_time', 'event_session', broken, 'event_session', '"event_session"."start_time" ~ ''^([01][0-9]|2[0-3]):[0-5][0-9]$''';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_start_time" CHECK ("event_session"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');--> statement-breakpoint
-- rows checked before: event_session_end_time
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_session" WHERE ("event_session"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_session_end_time', 'event_session', broken, 'event_session', '"event_session"."end_time" ~ ''^([01][0-9]|2[0-3]):[0-5][0-9]$''';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_end_time" CHECK ("event_session"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');--> statement-breakpoint
-- rows checked before: event_session_ends_after_start
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_session" WHERE ("event_session"."end_time" > "event_session"."start_time") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_session_ends_after_start', 'event_session', broken, 'event_session', '"event_session"."end_time" > "event_session"."start_time"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_ends_after_start" CHECK ("event_session"."end_time" > "event_session"."start_time");--> statement-breakpoint
-- rows checked before: external_event_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "external_event" WHERE ("external_event"."kind" in ('programme', 'event', 'fair', 'contest')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'external_event_kind_known', 'external_event', broken, 'external_event', '"external_event"."kind" in (''programme'', ''event'', ''fair'', ''contest'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "external_event" ADD CONSTRAINT "external_event_kind_known" CHECK ("external_event"."kind" in ('programme', 'event', 'fair', 'contest'));--> statement-breakpoint
-- rows checked before: external_event_days_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "external_event" WHERE ("external_event"."ends_on" >= "external_event"."starts_on") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'external_event_days_in_order', 'external_event', broken, 'external_event', '"external_event"."ends_on" >= "external_event"."starts_on"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "external_event" ADD CONSTRAINT "external_event_days_in_order" CHECK ("external_event"."ends_on" >= "external_event"."starts_on");--> statement-breakpoint
-- rows checked before: event_feedback_rating
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_feedback" WHERE ("event_feedback"."rating" between 1 and 5) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_feedback_rating', 'event_feedback', broken, 'event_feedback', '"event_feedback"."rating" between 1 and 5';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_rating" CHECK ("event_feedback"."rating" between 1 and 5);--> statement-breakpoint
-- rows checked before: nomination_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "nomination" WHERE ("nomination"."status" in ('invited', 'accepted', 'declined', 'attended')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'nomination_status_known', 'nomination', broken, 'nomination', '"nomination"."status" in (''invited'', ''accepted'', ''declined'', ''attended'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_status_known" CHECK ("nomination"."status" in ('invited', 'accepted', 'declined', 'attended'));--> statement-breakpoint
-- rows checked before: nomination_contacts
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "nomination" WHERE ("nomination"."contacts" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'nomination_contacts', 'nomination', broken, 'nomination', '"nomination"."contacts" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_contacts" CHECK ("nomination"."contacts" >= 0);--> statement-breakpoint
-- rows checked before: event_registration_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_registration" WHERE ("event_registration"."status" in ('confirmed', 'waitlisted', 'cancelled')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_status_known', 'event_registration', broken, 'event_registration', '"event_registration"."status" in (''confirmed'', ''waitlisted'', ''cancelled'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_status_known" CHECK ("event_registration"."status" in ('confirmed', 'waitlisted', 'cancelled'));--> statement-breakpoint
-- rows checked before: event_registration_organisation_type_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_registration" WHERE ("event_registration"."organisation_type" in ('individual', 'household', 'cooperative', 'business', 'school', 'agency', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_organisation_type_known', 'event_registration', broken, 'event_registration', '"event_registration"."organisation_type" in (''individual'', ''household'', ''cooperative'', ''business'', ''school'', ''agency'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_organisation_type_known" CHECK ("event_registration"."organisation_type" in ('individual', 'household', 'cooperative', 'business', 'school', 'agency', 'other'));--> statement-breakpoint
-- rows checked before: event_registration_sex_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_registration" WHERE ("event_registration"."sex" in ('female', 'male')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_sex_known', 'event_registration', broken, 'event_registration', '"event_registration"."sex" in (''female'', ''male'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_sex_known" CHECK ("event_registration"."sex" in ('female', 'male'));--> statement-breakpoint
-- rows checked before: event_registration_ethnicity_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_registration" WHERE ("event_registration"."ethnicity" in ('kinh', 'tay', 'nung', 'dao', 'san_chay', 'hmong', 'hoa', 'san_diu', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_ethnicity_known', 'event_registration', broken, 'event_registration', '"event_registration"."ethnicity" in (''kinh'', ''tay'', ''nung'', ''dao'', ''san_chay'', ''hmong'', ''hoa'', ''san_diu'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_ethnicity_known" CHECK ("event_registration"."ethnicity" in ('kinh', 'tay', 'nung', 'dao', 'san_chay', 'hmong', 'hoa', 'san_diu', 'other'));--> statement-breakpoint
-- rows checked before: event_registration_birth_year
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "event_registration" WHERE ("event_registration"."birth_year" between 1900 and 2100) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'event_registration_birth_year', 'event_registration', broken, 'event_registration', '"event_registration"."birth_year" between 1900 and 2100';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_birth_year" CHECK ("event_registration"."birth_year" between 1900 and 2100);--> statement-breakpoint
-- rows checked before: expert_specialties_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "expert_profile" WHERE ("expert_profile"."specialties" <@ array['production', 'product_development', 'trademark_ip', 'standards_labels', 'food_safety', 'marketing_sales', 'finance_investment', 'digital', 'legal', 'education', 'tourism', 'technology']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'expert_specialties_known', 'expert_profile', broken, 'expert_profile', '"expert_profile"."specialties" <@ array[''production'', ''product_development'', ''trademark_ip'', ''standards_labels'', ''food_safety'', ''marketing_sales'', ''finance_investment'', ''digital'', ''legal'', ''education'', ''tourism'', ''technology'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_specialties_known" CHECK ("expert_profile"."specialties" <@ array['production', 'product_development', 'trademark_ip', 'standards_labels', 'food_safety', 'marketing_sales', 'finance_investment', 'digital', 'legal', 'education', 'tourism', 'technology']::text[]);--> statement-breakpoint
-- rows checked before: expert_fields_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "expert_profile" WHERE ("expert_profile"."fields" <@ array['agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'expert_fields_known', 'expert_profile', broken, 'expert_profile', '"expert_profile"."fields" <@ array[''agriculture'', ''food'', ''herbal'', ''handicraft'', ''tourism'', ''education'', ''technology'', ''environment'', ''health'', ''services'', ''other'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_fields_known" CHECK ("expert_profile"."fields" <@ array['agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other']::text[]);--> statement-breakpoint
-- rows checked before: introduction_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "introduction" WHERE ("introduction"."status" in ('sent', 'interested', 'not_now')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'introduction_status_known', 'introduction', broken, 'introduction', '"introduction"."status" in (''sent'', ''interested'', ''not_now'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_status_known" CHECK ("introduction"."status" in ('sent', 'interested', 'not_now'));--> statement-breakpoint
-- rows checked before: partner_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "partner" WHERE ("partner"."kind" in ('business', 'supermarket', 'distributor', 'investor', 'club', 'school', 'incubator', 'agency', 'programme')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'partner_kind_known', 'partner', broken, 'partner', '"partner"."kind" in (''business'', ''supermarket'', ''distributor'', ''investor'', ''club'', ''school'', ''incubator'', ''agency'', ''programme'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_kind_known" CHECK ("partner"."kind" in ('business', 'supermarket', 'distributor', 'investor', 'club', 'school', 'incubator', 'agency', 'programme'));--> statement-breakpoint
-- rows checked before: partner_offers_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "partner" WHERE ("partner"."offers" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'partner_offers_known', 'partner', broken, 'partner', '"partner"."offers" <@ array[''consulting_production'', ''consulting_product'', ''consulting_ip'', ''consulting_standards'', ''consulting_marketing'', ''consulting_finance'', ''consulting_digital'', ''training'', ''space'', ''market_connection'', ''events'', ''funding'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_offers_known" CHECK ("partner"."offers" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]);--> statement-breakpoint
-- rows checked before: partner_fields_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "partner" WHERE ("partner"."fields" <@ array['agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'partner_fields_known', 'partner', broken, 'partner', '"partner"."fields" <@ array[''agriculture'', ''food'', ''herbal'', ''handicraft'', ''tourism'', ''education'', ''technology'', ''environment'', ''health'', ''services'', ''other'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_fields_known" CHECK ("partner"."fields" <@ array['agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other']::text[]);--> statement-breakpoint
-- rows checked before: connection_step_stage_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "connection_step" WHERE ("connection_step"."stage" in ('introduced', 'meeting', 'samples', 'negotiating', 'contract_signed', 'not_pursued')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'connection_step_stage_known', 'connection_step', broken, 'connection_step', '"connection_step"."stage" in (''introduced'', ''meeting'', ''samples'', ''negotiating'', ''contract_signed'', ''not_pursued'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "connection_step" ADD CONSTRAINT "connection_step_stage_known" CHECK ("connection_step"."stage" in ('introduced', 'meeting', 'samples', 'negotiating', 'contract_signed', 'not_pursued'));--> statement-breakpoint
-- rows checked before: sales_connection_stage_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "sales_connection" WHERE ("sales_connection"."stage" in ('introduced', 'meeting', 'samples', 'negotiating', 'contract_signed', 'not_pursued')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'sales_connection_stage_known', 'sales_connection', broken, 'sales_connection', '"sales_connection"."stage" in (''introduced'', ''meeting'', ''samples'', ''negotiating'', ''contract_signed'', ''not_pursued'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_stage_known" CHECK ("sales_connection"."stage" in ('introduced', 'meeting', 'samples', 'negotiating', 'contract_signed', 'not_pursued'));--> statement-breakpoint
-- rows checked before: sales_connection_contract_value
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "sales_connection" WHERE ("sales_connection"."contract_value_vnd" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'sales_connection_contract_value', 'sales_connection', broken, 'sales_connection', '"sales_connection"."contract_value_vnd" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_contract_value" CHECK ("sales_connection"."contract_value_vnd" >= 0);--> statement-breakpoint
-- rows checked before: sales_connection_sales_before
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "sales_connection" WHERE ("sales_connection"."sales_before_vnd" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'sales_connection_sales_before', 'sales_connection', broken, 'sales_connection', '"sales_connection"."sales_before_vnd" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_sales_before" CHECK ("sales_connection"."sales_before_vnd" >= 0);--> statement-breakpoint
-- rows checked before: sales_connection_sales_after
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "sales_connection" WHERE ("sales_connection"."sales_after_vnd" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'sales_connection_sales_after', 'sales_connection', broken, 'sales_connection', '"sales_connection"."sales_after_vnd" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_sales_after" CHECK ("sales_connection"."sales_after_vnd" >= 0);--> statement-breakpoint
-- rows checked before: sales_connection_contract_months
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "sales_connection" WHERE ("sales_connection"."contract_months" >= 1) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'sales_connection_contract_months', 'sales_connection', broken, 'sales_connection', '"sales_connection"."contract_months" >= 1';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_contract_months" CHECK ("sales_connection"."contract_months" >= 1);--> statement-breakpoint
-- rows checked before: product_category_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product" WHERE ("product"."category" in ('food', 'agricultural', 'herbal', 'handicraft', 'tourism_service', 'education_service', 'technology', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_category_known', 'product', broken, 'product', '"product"."category" in (''food'', ''agricultural'', ''herbal'', ''handicraft'', ''tourism_service'', ''education_service'', ''technology'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_category_known" CHECK ("product"."category" in ('food', 'agricultural', 'herbal', 'handicraft', 'tourism_service', 'education_service', 'technology', 'other'));--> statement-breakpoint
-- rows checked before: product_price_min
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product" WHERE ("product"."price_min_vnd" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_price_min', 'product', broken, 'product', '"product"."price_min_vnd" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_price_min" CHECK ("product"."price_min_vnd" >= 0);--> statement-breakpoint
-- rows checked before: product_prices_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product" WHERE ("product"."price_max_vnd" >= "product"."price_min_vnd") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_prices_in_order', 'product', broken, 'product', '"product"."price_max_vnd" >= "product"."price_min_vnd"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_prices_in_order" CHECK ("product"."price_max_vnd" >= "product"."price_min_vnd");--> statement-breakpoint
-- rows checked before: product_ocop_stars
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product" WHERE ("product"."ocop_stars" between 3 and 5) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_ocop_stars', 'product', broken, 'product', '"product"."ocop_stars" between 3 and 5';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_ocop_stars" CHECK ("product"."ocop_stars" between 3 and 5);--> statement-breakpoint
-- rows checked before: product_image_position
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product_image" WHERE ("product_image"."position" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_image_position', 'product_image', broken, 'product_image', '"product_image"."position" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product_image" ADD CONSTRAINT "product_image_position" CHECK ("product_image"."position" >= 0);--> statement-breakpoint
-- rows checked before: product_image_size
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product_image" WHERE ("product_image"."width" > 0 and "product_image"."height" > 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_image_size', 'product_image', broken, 'product_image', '"product_image"."width" > 0 and "product_image"."height" > 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product_image" ADD CONSTRAINT "product_image_size" CHECK ("product_image"."width" > 0 and "product_image"."height" > 0);--> statement-breakpoint
-- rows checked before: product_inquiry_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product_inquiry" WHERE ("product_inquiry"."status" in ('new', 'connected', 'closed')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_inquiry_status_known', 'product_inquiry', broken, 'product_inquiry', '"product_inquiry"."status" in (''new'', ''connected'', ''closed'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product_inquiry" ADD CONSTRAINT "product_inquiry_status_known" CHECK ("product_inquiry"."status" in ('new', 'connected', 'closed'));--> statement-breakpoint
-- rows checked before: product_listing_platform_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product_listing" WHERE ("product_listing"."platform" in ('techfest247', 'postmart', 'voso', 'sendo', 'shopee', 'lazada', 'tiki', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_listing_platform_known', 'product_listing', broken, 'product_listing', '"product_listing"."platform" in (''techfest247'', ''postmart'', ''voso'', ''sendo'', ''shopee'', ''lazada'', ''tiki'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product_listing" ADD CONSTRAINT "product_listing_platform_known" CHECK ("product_listing"."platform" in ('techfest247', 'postmart', 'voso', 'sendo', 'shopee', 'lazada', 'tiki', 'other'));--> statement-breakpoint
-- rows checked before: product_listing_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "product_listing" WHERE ("product_listing"."status" in ('pending', 'live', 'ended')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'product_listing_status_known', 'product_listing', broken, 'product_listing', '"product_listing"."status" in (''pending'', ''live'', ''ended'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "product_listing" ADD CONSTRAINT "product_listing_status_known" CHECK ("product_listing"."status" in ('pending', 'live', 'ended'));--> statement-breakpoint
-- rows checked before: readiness_item_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "readiness_item" WHERE ("readiness_item"."item" in ('legal_entity', 'food_safety', 'self_declaration', 'label', 'barcode', 'traceability', 'trademark', 'ocop')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'readiness_item_known', 'readiness_item', broken, 'readiness_item', '"readiness_item"."item" in (''legal_entity'', ''food_safety'', ''self_declaration'', ''label'', ''barcode'', ''traceability'', ''trademark'', ''ocop'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_known" CHECK ("readiness_item"."item" in ('legal_entity', 'food_safety', 'self_declaration', 'label', 'barcode', 'traceability', 'trademark', 'ocop'));--> statement-breakpoint
-- rows checked before: readiness_item_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "readiness_item" WHERE ("readiness_item"."status" in ('not_started', 'in_progress', 'done', 'not_applicable')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'readiness_item_status_known', 'readiness_item', broken, 'readiness_item', '"readiness_item"."status" in (''not_started'', ''in_progress'', ''done'', ''not_applicable'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_status_known" CHECK ("readiness_item"."status" in ('not_started', 'in_progress', 'done', 'not_applicable'));--> statement-breakpoint
-- rows checked before: readiness_item_dates_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "readiness_item" WHERE ("readiness_item"."expires_on" >= "readiness_item"."issued_on") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'readiness_item_dates_in_order', 'readiness_item', broken, 'readiness_item', '"readiness_item"."expires_on" >= "readiness_item"."issued_on"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_dates_in_order" CHECK ("readiness_item"."expires_on" >= "readiness_item"."issued_on");--> statement-breakpoint
-- rows checked before: project_type_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."type" in ('product', 'business_model', 'service', 'social')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_type_known', 'project', broken, 'project', '"project"."type" in (''product'', ''business_model'', ''service'', ''social'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_type_known" CHECK ("project"."type" in ('product', 'business_model', 'service', 'social'));--> statement-breakpoint
-- rows checked before: project_field_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."field" in ('agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_field_known', 'project', broken, 'project', '"project"."field" in (''agriculture'', ''food'', ''herbal'', ''handicraft'', ''tourism'', ''education'', ''technology'', ''environment'', ''health'', ''services'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_field_known" CHECK ("project"."field" in ('agriculture', 'food', 'herbal', 'handicraft', 'tourism', 'education', 'technology', 'environment', 'health', 'services', 'other'));--> statement-breakpoint
-- rows checked before: project_stage_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."stage" in ('idea', 'prototype', 'market', 'growing')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_stage_known', 'project', broken, 'project', '"project"."stage" in (''idea'', ''prototype'', ''market'', ''growing'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_stage_known" CHECK ("project"."stage" in ('idea', 'prototype', 'market', 'growing'));--> statement-breakpoint
-- rows checked before: project_needs_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project" WHERE ("project"."needs" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_needs_known', 'project', broken, 'project', '"project"."needs" <@ array[''consulting_production'', ''consulting_product'', ''consulting_ip'', ''consulting_standards'', ''consulting_marketing'', ''consulting_finance'', ''consulting_digital'', ''training'', ''space'', ''market_connection'', ''events'', ''funding'']::text[]';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_needs_known" CHECK ("project"."needs" <@ array['consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding']::text[]);--> statement-breakpoint
-- rows checked before: project_member_position
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "project_member" WHERE ("project_member"."position" >= 0) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'project_member_position', 'project_member', broken, 'project_member', '"project_member"."position" >= 0';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "project_member" ADD CONSTRAINT "project_member_position" CHECK ("project_member"."position" >= 0);--> statement-breakpoint
-- rows checked before: request_event_type_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "request_event" WHERE ("request_event"."type" in ('created', 'message', 'accepted', 'assigned', 'connected', 'status')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'request_event_type_known', 'request_event', broken, 'request_event', '"request_event"."type" in (''created'', ''message'', ''accepted'', ''assigned'', ''connected'', ''status'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_type_known" CHECK ("request_event"."type" in ('created', 'message', 'accepted', 'assigned', 'connected', 'status'));--> statement-breakpoint
-- rows checked before: request_event_from_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "request_event" WHERE ("request_event"."from_status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'request_event_from_status_known', 'request_event', broken, 'request_event', '"request_event"."from_status" in (''new'', ''accepted'', ''in_progress'', ''resolved'', ''declined'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_from_status_known" CHECK ("request_event"."from_status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined'));--> statement-breakpoint
-- rows checked before: request_event_to_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "request_event" WHERE ("request_event"."to_status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'request_event_to_status_known', 'request_event', broken, 'request_event', '"request_event"."to_status" in (''new'', ''accepted'', ''in_progress'', ''resolved'', ''declined'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_to_status_known" CHECK ("request_event"."to_status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined'));--> statement-breakpoint
-- rows checked before: request_link_type_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "request_link" WHERE ("request_link"."type" in ('engagement', 'introduction')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'request_link_type_known', 'request_link', broken, 'request_link', '"request_link"."type" in (''engagement'', ''introduction'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_type_known" CHECK ("request_link"."type" in ('engagement', 'introduction'));--> statement-breakpoint
-- rows checked before: support_request_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."kind" in ('consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_kind_known', 'support_request', broken, 'support_request', '"support_request"."kind" in (''consulting_production'', ''consulting_product'', ''consulting_ip'', ''consulting_standards'', ''consulting_marketing'', ''consulting_finance'', ''consulting_digital'', ''training'', ''space'', ''market_connection'', ''events'', ''funding'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_kind_known" CHECK ("support_request"."kind" in ('consulting_production', 'consulting_product', 'consulting_ip', 'consulting_standards', 'consulting_marketing', 'consulting_finance', 'consulting_digital', 'training', 'space', 'market_connection', 'events', 'funding'));--> statement-breakpoint
-- rows checked before: support_request_urgency_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."urgency" in ('normal', 'urgent')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_urgency_known', 'support_request', broken, 'support_request', '"support_request"."urgency" in (''normal'', ''urgent'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_urgency_known" CHECK ("support_request"."urgency" in ('normal', 'urgent'));--> statement-breakpoint
-- rows checked before: support_request_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_status_known', 'support_request', broken, 'support_request', '"support_request"."status" in (''new'', ''accepted'', ''in_progress'', ''resolved'', ''declined'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_status_known" CHECK ("support_request"."status" in ('new', 'accepted', 'in_progress', 'resolved', 'declined'));--> statement-breakpoint
-- rows checked before: support_request_resolved_has_outcome
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."status" <> 'resolved' or "support_request"."outcome" <> '') IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_resolved_has_outcome', 'support_request', broken, 'support_request', '"support_request"."status" <> ''resolved'' or "support_request"."outcome" <> ''''';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_resolved_has_outcome" CHECK ("support_request"."status" <> 'resolved' or "support_request"."outcome" <> '');--> statement-breakpoint
-- rows checked before: support_request_declined_has_reason
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support_request" WHERE ("support_request"."status" <> 'declined' or "support_request"."decline_reason" <> '') IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_request_declined_has_reason', 'support_request', broken, 'support_request', '"support_request"."status" <> ''declined'' or "support_request"."decline_reason" <> ''''';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_declined_has_reason" CHECK ("support_request"."status" <> 'declined' or "support_request"."decline_reason" <> '');--> statement-breakpoint
-- rows checked before: support_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."kind" in ('consulting', 'training', 'space', 'market_connection', 'connection', 'platform_listing', 'event_introduction', 'funding', 'other')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_kind_known', 'support', broken, 'support', '"support"."kind" in (''consulting'', ''training'', ''space'', ''market_connection'', ''connection'', ''platform_listing'', ''event_introduction'', ''funding'', ''other'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_kind_known" CHECK ("support"."kind" in ('consulting', 'training', 'space', 'market_connection', 'connection', 'platform_listing', 'event_introduction', 'funding', 'other'));--> statement-breakpoint
-- rows checked before: support_provider_kind_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."provider_kind" in ('officer', 'expert', 'partner', 'organisation')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_provider_kind_known', 'support', broken, 'support', '"support"."provider_kind" in (''officer'', ''expert'', ''partner'', ''organisation'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_provider_kind_known" CHECK ("support"."provider_kind" in ('officer', 'expert', 'partner', 'organisation'));--> statement-breakpoint
-- rows checked before: support_status_known
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."status" in ('planned', 'in_progress', 'done', 'cancelled')) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_status_known', 'support', broken, 'support', '"support"."status" in (''planned'', ''in_progress'', ''done'', ''cancelled'')';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_status_known" CHECK ("support"."status" in ('planned', 'in_progress', 'done', 'cancelled'));--> statement-breakpoint
-- rows checked before: support_dates_in_order
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE ("support"."ended_on" >= "support"."started_on") IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_dates_in_order', 'support', broken, 'support', '"support"."ended_on" >= "support"."started_on"';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_dates_in_order" CHECK ("support"."ended_on" >= "support"."started_on");--> statement-breakpoint
-- rows checked before: support_figures_valid
DO $guard$
DECLARE broken bigint;
BEGIN
  SELECT count(*) INTO broken FROM "support" WHERE (jsonb_typeof("support"."figures") = 'object'
        and (not "support"."figures" ? 'participants' or (jsonb_typeof("support"."figures"->'participants') = 'number' and ("support"."figures"->>'participants')::numeric >= 0))
        and (not "support"."figures" ? 'hours' or (jsonb_typeof("support"."figures"->'hours') = 'number' and ("support"."figures"->>'hours')::numeric >= 0))
        and (not "support"."figures" ? 'days' or (jsonb_typeof("support"."figures"->'days') = 'number' and ("support"."figures"->>'days')::numeric >= 0))
        and (not "support"."figures" ? 'contractValueVnd' or (jsonb_typeof("support"."figures"->'contractValueVnd') = 'number' and ("support"."figures"->>'contractValueVnd')::numeric >= 0))
        and (not "support"."figures" ? 'salesGrowthPercent' or (jsonb_typeof("support"."figures"->'salesGrowthPercent') = 'number' and ("support"."figures"->>'salesGrowthPercent')::numeric >= -100))) IS FALSE;
  IF broken > 0 THEN
    RAISE EXCEPTION 'Cannot add the rule % to table %: % existing rows break it. List them with: SELECT * FROM "%" WHERE (%) IS FALSE; correct them, then start again.', 'support_figures_valid', 'support', broken, 'support', 'jsonb_typeof("support"."figures") = ''object''
        and (not "support"."figures" ? ''participants'' or (jsonb_typeof("support"."figures"->''participants'') = ''number'' and ("support"."figures"->>''participants'')::numeric >= 0))
        and (not "support"."figures" ? ''hours'' or (jsonb_typeof("support"."figures"->''hours'') = ''number'' and ("support"."figures"->>''hours'')::numeric >= 0))
        and (not "support"."figures" ? ''days'' or (jsonb_typeof("support"."figures"->''days'') = ''number'' and ("support"."figures"->>''days'')::numeric >= 0))
        and (not "support"."figures" ? ''contractValueVnd'' or (jsonb_typeof("support"."figures"->''contractValueVnd'') = ''number'' and ("support"."figures"->>''contractValueVnd'')::numeric >= 0))
        and (not "support"."figures" ? ''salesGrowthPercent'' or (jsonb_typeof("support"."figures"->''salesGrowthPercent'') = ''number'' and ("support"."figures"->>''salesGrowthPercent'')::numeric >= -100))';
  END IF;
END $guard$;
--> statement-breakpoint
ALTER TABLE "support" ADD CONSTRAINT "support_figures_valid" CHECK (jsonb_typeof("support"."figures") = 'object'
        and (not "support"."figures" ? 'participants' or (jsonb_typeof("support"."figures"->'participants') = 'number' and ("support"."figures"->>'participants')::numeric >= 0))
        and (not "support"."figures" ? 'hours' or (jsonb_typeof("support"."figures"->'hours') = 'number' and ("support"."figures"->>'hours')::numeric >= 0))
        and (not "support"."figures" ? 'days' or (jsonb_typeof("support"."figures"->'days') = 'number' and ("support"."figures"->>'days')::numeric >= 0))
        and (not "support"."figures" ? 'contractValueVnd' or (jsonb_typeof("support"."figures"->'contractValueVnd') = 'number' and ("support"."figures"->>'contractValueVnd')::numeric >= 0))
        and (not "support"."figures" ? 'salesGrowthPercent' or (jsonb_typeof("support"."figures"->'salesGrowthPercent') = 'number' and ("support"."figures"->>'salesGrowthPercent')::numeric >= -100)));