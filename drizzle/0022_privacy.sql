CREATE TABLE "breach" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"data_affected" text DEFAULT '' NOT NULL,
	"people_affected" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"notified_at" timestamp with time zone,
	"notified_to" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breach_notified_after_discovery" CHECK ("breach"."notified_at" >= "breach"."discovered_at")
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"purpose" text NOT NULL,
	"basis" text DEFAULT 'consent' NOT NULL,
	"notice_version" text,
	"source" text NOT NULL,
	"source_id" text,
	"recorded_by" text,
	"statement" text DEFAULT '' NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consent_purpose_known" CHECK ("consent"."purpose" in ('service', 'event', 'news')),
	CONSTRAINT "consent_source_known" CHECK ("consent"."source" in ('sign_up', 'event_registration', 'import', 'account')),
	CONSTRAINT "consent_basis_known" CHECK ("consent"."basis" in ('consent', 'contract', 'legal_obligation', 'public_task')),
	CONSTRAINT "consent_withdrawn_after_given" CHECK ("consent"."withdrawn_at" >= "consent"."given_at"),
	CONSTRAINT "consent_has_subject_or_statement" CHECK ("consent"."user_id" is not null or "consent"."statement" <> '')
);
--> statement-breakpoint
CREATE TABLE "data_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "data_request_kind_known" CHECK ("data_request"."kind" in ('access', 'correction', 'deletion', 'withdrawal', 'restriction')),
	CONSTRAINT "data_request_status_known" CHECK ("data_request"."status" in ('open', 'done', 'refused')),
	CONSTRAINT "data_request_due_after_filed" CHECK ("data_request"."due_at" > "data_request"."filed_at"),
	CONSTRAINT "data_request_decided_has_reason" CHECK ("data_request"."status" = 'open' or ("data_request"."decided_at" is not null and "data_request"."reason" <> ''))
);
--> statement-breakpoint
CREATE TABLE "privacy_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"effective_on" date NOT NULL,
	"text_vi" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_notice_version_unique" UNIQUE("version")
);
--> statement-breakpoint
ALTER TABLE "breach" ADD CONSTRAINT "breach_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request" ADD CONSTRAINT "data_request_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request" ADD CONSTRAINT "data_request_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_notice" ADD CONSTRAINT "privacy_notice_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_discovered_at_index" ON "breach" USING btree ("discovered_at");--> statement-breakpoint
CREATE INDEX "consent_user_id_index" ON "consent" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "consent_source_source_id_index" ON "consent" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "data_request_status_due_at_index" ON "data_request" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "data_request_user_id_index" ON "data_request" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "privacy_notice_effective_on_index" ON "privacy_notice" USING btree ("effective_on");