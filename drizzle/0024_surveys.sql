CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_kind" text DEFAULT 'standalone' NOT NULL,
	"owner_id" uuid,
	"target_group" text DEFAULT 'anyone' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"access" text DEFAULT 'public' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"consent_text" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_slug_unique" UNIQUE("slug"),
	CONSTRAINT "survey_owner_kind_known" CHECK ("survey"."owner_kind" in ('standalone', 'call')),
	CONSTRAINT "survey_target_group_known" CHECK ("survey"."target_group" in ('support_workers', 'project_owners', 'anyone')),
	CONSTRAINT "survey_access_known" CHECK ("survey"."access" in ('public', 'signed_in')),
	CONSTRAINT "survey_dates_in_order" CHECK ("survey"."closes_on" >= "survey"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "survey_answer" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" text,
	"choices" text[],
	"number" numeric,
	"search" text GENERATED ALWAYS AS (lower(f_unaccent(coalesce(value, '')))) STORED,
	CONSTRAINT "survey_answer_response_id_question_id_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "survey_answer_has_something" CHECK ("survey_answer"."value" is not null or "survey_answer"."choices" is not null or "survey_answer"."number" is not null)
);
--> statement-breakpoint
CREATE TABLE "survey_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"help" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "survey_question_kind_known" CHECK ("survey_question"."kind" in ('single', 'multi', 'scale', 'number', 'short_text', 'long_text', 'date', 'commune', 'project', 'needs', 'group'))
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" text,
	"token_hash" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"page" integer DEFAULT 0 NOT NULL,
	"respondent_group" text,
	"commune" text,
	"project_id" uuid,
	"needs_applied_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "survey_response_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "survey_response_status_known" CHECK ("survey_response"."status" in ('draft', 'submitted')),
	CONSTRAINT "survey_response_group_known" CHECK ("survey_response"."respondent_group" in ('support_workers', 'project_owners')),
	CONSTRAINT "survey_response_page" CHECK ("survey_response"."page" between 0 and 1000),
	CONSTRAINT "survey_response_submitted_when" CHECK (("survey_response"."status" = 'submitted') = ("survey_response"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_question_id_survey_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_question" ADD CONSTRAINT "survey_question_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_question" ADD CONSTRAINT "survey_question_section_id_survey_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."survey_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_section" ADD CONSTRAINT "survey_section_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answer_question_id_index" ON "survey_answer" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "survey_question_survey_id_position_index" ON "survey_question" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "survey_response_survey_id_status_index" ON "survey_response" USING btree ("survey_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_one_per_user" ON "survey_response" USING btree ("survey_id","user_id") WHERE "survey_response"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_section_survey_id_position_index" ON "survey_section" USING btree ("survey_id","position");