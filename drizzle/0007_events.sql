CREATE TABLE "event_attendance" (
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"method" text NOT NULL,
	"checked_in_by" text,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_attendance_registration_id_session_id_pk" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "event_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"code" text NOT NULL,
	"holder_name" text NOT NULL,
	"sessions_attended" integer NOT NULL,
	"hours" integer NOT NULL,
	"issued_by" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "event_certificate_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organiser" text NOT NULL,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"trainers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"venue" text NOT NULL,
	"capacity" integer NOT NULL,
	"audience" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"registration_opens_on" date,
	"registration_closes_on" date,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificate_percent" smallint DEFAULT 80 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "event_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"description" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_event_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "event_feedback" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"rating" smallint NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_event_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"award" text DEFAULT '' NOT NULL,
	"contract" text DEFAULT '' NOT NULL,
	"contacts" integer,
	"notes" text DEFAULT '' NOT NULL,
	"nominated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "event_registration_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" uuid NOT NULL,
	"user_id" text,
	"project_id" uuid,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"commune_slug" text,
	"organisation" text DEFAULT '' NOT NULL,
	"organisation_type" text NOT NULL,
	"sex" text NOT NULL,
	"ethnicity" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"answers" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent" boolean NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"code" text NOT NULL,
	"token" text NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registration_code_unique" UNIQUE("code"),
	CONSTRAINT "event_registration_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_session_id_event_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_checked_in_by_user_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_certificate" ADD CONSTRAINT "event_certificate_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_certificate" ADD CONSTRAINT "event_certificate_issued_by_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_event" ADD CONSTRAINT "external_event_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_external_event_id_external_event_id_fk" FOREIGN KEY ("external_event_id") REFERENCES "public"."external_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_nominated_by_user_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_commune_slug_commune_slug_fk" FOREIGN KEY ("commune_slug") REFERENCES "public"."commune"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_attendance_session_id_index" ON "event_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_certificate_current" ON "event_certificate" USING btree ("registration_id") WHERE "event_certificate"."replaced_at" IS NULL;--> statement-breakpoint
CREATE INDEX "event_calendar" ON "event" USING btree ("published","audience","ends_on","starts_on");--> statement-breakpoint
CREATE INDEX "event_starts_on_index" ON "event" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "event_session_event_id_position_index" ON "event_session" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "event_session_day_index" ON "event_session" USING btree ("day");--> statement-breakpoint
CREATE INDEX "external_event_starts_on_index" ON "external_event" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_external_event_id_project_id_index" ON "nomination" USING btree ("external_event_id","project_id");--> statement-breakpoint
CREATE INDEX "nomination_project_id_index" ON "nomination" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "event_registration_event_id_status_number_index" ON "event_registration" USING btree ("event_id","status","number");--> statement-breakpoint
CREATE INDEX "event_registration_user_id_index" ON "event_registration" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_one_per_user" ON "event_registration" USING btree ("event_id","user_id") WHERE "event_registration"."user_id" IS NOT NULL AND "event_registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_one_per_email" ON "event_registration" USING btree ("event_id","email") WHERE "event_registration"."email" <> '' AND "event_registration"."status" <> 'cancelled';