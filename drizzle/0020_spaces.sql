CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"booked_by" text,
	"purpose" text NOT NULL,
	"whole_days" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	"status" text DEFAULT 'requested' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_status_known" CHECK ("booking"."status" in ('requested', 'approved', 'refused', 'cancelled')),
	CONSTRAINT "booking_ends_after_start" CHECK ("booking"."ends_at" > "booking"."starts_at"),
	CONSTRAINT "booking_refused_has_reason" CHECK ("booking"."status" <> 'refused' or "booking"."reason" <> '')
);
--> statement-breakpoint
CREATE TABLE "room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"needs_approval" boolean DEFAULT true NOT NULL,
	"max_days" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_slug_unique" UNIQUE("slug"),
	CONSTRAINT "room_kind_known" CHECK ("room"."kind" in ('hall', 'workroom', 'meeting_room', 'library_corner')),
	CONSTRAINT "room_capacity" CHECK ("room"."capacity" between 1 and 10000),
	CONSTRAINT "room_max_days" CHECK ("room"."max_days" between 1 and 366)
);
--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_booked_by_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_room_id_starts_at_index" ON "booking" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_project_id_index" ON "booking" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "booking_status_starts_at_index" ON "booking" USING btree ("status","starts_at");--> statement-breakpoint
-- hand-written: two bookings that hold a room (requested or approved) can never overlap.
ALTER TABLE "booking" ADD CONSTRAINT "booking_no_overlap" EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&) WHERE ("status" IN ('requested', 'approved'));
