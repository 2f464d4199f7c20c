CREATE TABLE "engagement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"brief" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "engagement_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"summary" text NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_session_file" (
	"session_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "engagement_session_file_session_id_file_id_pk" PRIMARY KEY("session_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "expert_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"headline" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"anywhere" boolean DEFAULT true NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_search" text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(name || ' ' || headline || ' ' || organisation || ' ' || bio))) STORED NOT NULL,
	CONSTRAINT "expert_profile_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "introduction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"introduced_by" text,
	"answered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"offers" text[] DEFAULT '{}'::text[] NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"anywhere" boolean DEFAULT true NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_search" text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(name || ' ' || summary || ' ' || description))) STORED NOT NULL,
	CONSTRAINT "partner_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "partner_member" (
	"partner_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "partner_member_partner_id_user_id_pk" PRIMARY KEY("partner_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "request_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" text,
	"body" text DEFAULT '' NOT NULL,
	"from_status" text,
	"to_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_file" (
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "request_file_event_id_file_id_pk" PRIMARY KEY("event_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "request_link" (
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_link_request_id_type_target_id_pk" PRIMARY KEY("request_id","type","target_id")
);
--> statement-breakpoint
CREATE TABLE "support_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "support_request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" uuid,
	"requester_id" text,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"commune_slug" text,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" text,
	"due_on" date,
	"outcome" text DEFAULT '' NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "support_request_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "engagement" ADD CONSTRAINT "engagement_expert_id_user_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement" ADD CONSTRAINT "engagement_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement" ADD CONSTRAINT "engagement_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_session" ADD CONSTRAINT "engagement_session_engagement_id_engagement_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_session" ADD CONSTRAINT "engagement_session_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_session_file" ADD CONSTRAINT "engagement_session_file_session_id_engagement_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."engagement_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_session_file" ADD CONSTRAINT "engagement_session_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_introduced_by_user_id_fk" FOREIGN KEY ("introduced_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction" ADD CONSTRAINT "introduction_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_member" ADD CONSTRAINT "partner_member_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_member" ADD CONSTRAINT "partner_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_support_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_file" ADD CONSTRAINT "request_file_event_id_request_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."request_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_file" ADD CONSTRAINT "request_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_link" ADD CONSTRAINT "request_link_request_id_support_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_requester_id_user_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_commune_slug_commune_slug_fk" FOREIGN KEY ("commune_slug") REFERENCES "public"."commune"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_expert_id_status_index" ON "engagement" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "engagement_project_id_index" ON "engagement" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "engagement_session_engagement_id_held_on_index" ON "engagement_session" USING btree ("engagement_id","held_on");--> statement-breakpoint
CREATE INDEX "expert_search_trgm" ON "expert_profile" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "expert_public_name" ON "expert_profile" USING btree ("is_public","name_search");--> statement-breakpoint
CREATE INDEX "expert_specialties_gin" ON "expert_profile" USING gin ("specialties");--> statement-breakpoint
CREATE INDEX "expert_fields_gin" ON "expert_profile" USING gin ("fields");--> statement-breakpoint
CREATE INDEX "introduction_partner_id_created_at_index" ON "introduction" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "introduction_project_id_index" ON "introduction" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "partner_search_trgm" ON "partner" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partner_kind_index" ON "partner" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "partner_public_name" ON "partner" USING btree ("is_public","name_search");--> statement-breakpoint
CREATE INDEX "partner_offers_gin" ON "partner" USING gin ("offers");--> statement-breakpoint
CREATE INDEX "partner_fields_gin" ON "partner" USING gin ("fields");--> statement-breakpoint
CREATE INDEX "partner_member_user_id_index" ON "partner_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "request_event_request_id_created_at_index" ON "request_event" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "support_request_inbox" ON "support_request" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "support_request_assignee_id_status_index" ON "support_request" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "support_request_requester_id_index" ON "support_request" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "support_request_project_id_index" ON "support_request" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "support_request_kind_index" ON "support_request" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "support_request_commune_slug_index" ON "support_request" USING btree ("commune_slug");--> statement-breakpoint
CREATE INDEX "support_request_open_due" ON "support_request" USING btree ("due_on") WHERE status in ('new', 'accepted', 'in_progress');--> statement-breakpoint
CREATE INDEX "support_request_open_queue" ON "support_request" USING btree ("urgency" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"number" DESC NULLS FIRST) WHERE status in ('new', 'accepted', 'in_progress');