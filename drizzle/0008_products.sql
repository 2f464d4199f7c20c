CREATE TABLE "connection_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_connection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"product_id" uuid,
	"partner_id" uuid NOT NULL,
	"stage" text DEFAULT 'introduced' NOT NULL,
	"started_on" date NOT NULL,
	"stage_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_step_on" date,
	"share_documents" boolean DEFAULT false NOT NULL,
	"contract_signed_on" date,
	"contract_value_vnd" bigint,
	"contract_volume" text DEFAULT '' NOT NULL,
	"contract_months" integer,
	"contract_file_id" uuid,
	"sales_period" text DEFAULT '' NOT NULL,
	"sales_before_vnd" bigint,
	"sales_after_vnd" bigint,
	"inquiry_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"price_min_vnd" integer,
	"price_max_vnd" integer,
	"min_order" text DEFAULT '' NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"ocop_stars" integer,
	"ocop_certificate_no" text DEFAULT '' NOT NULL,
	"ocop_expires_on" date,
	"is_public" boolean DEFAULT true NOT NULL,
	"ready_until" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_search" text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(name || ' ' || left(description, 300)))) STORED NOT NULL,
	CONSTRAINT "product_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "product_image" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"thumb_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_inquiry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"quantity" text DEFAULT '' NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"connection_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_listing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"listed_on" date NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"item" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"variant" text DEFAULT '' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"expires_on" date,
	"note" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"verified_by" text,
	"verified_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_item_productId_item_unique" UNIQUE("product_id","item")
);
--> statement-breakpoint
ALTER TABLE "connection_step" ADD CONSTRAINT "connection_step_connection_id_sales_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sales_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_step" ADD CONSTRAINT "connection_step_by_user_id_fk" FOREIGN KEY ("by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_contract_file_id_stored_file_id_fk" FOREIGN KEY ("contract_file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_connection" ADD CONSTRAINT "sales_connection_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_image" ADD CONSTRAINT "product_image_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_image" ADD CONSTRAINT "product_image_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_image" ADD CONSTRAINT "product_image_thumb_id_stored_file_id_fk" FOREIGN KEY ("thumb_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_inquiry" ADD CONSTRAINT "product_inquiry_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_listing" ADD CONSTRAINT "product_listing_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_listing" ADD CONSTRAINT "product_listing_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_verified_by_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_item" ADD CONSTRAINT "readiness_item_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_step_connection_id_on_index" ON "connection_step" USING btree ("connection_id","on");--> statement-breakpoint
CREATE INDEX "sales_connection_stage_stage_on_index" ON "sales_connection" USING btree ("stage","stage_on");--> statement-breakpoint
CREATE INDEX "sales_connection_partner_id_index" ON "sales_connection" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "sales_connection_project_id_index" ON "sales_connection" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "sales_connection_product_id_index" ON "sales_connection" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_search_trgm" ON "product" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "product_public_updated" ON "product" USING btree ("is_public","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "product_project_id_index" ON "product" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "product_category_index" ON "product" USING btree ("category");--> statement-breakpoint
CREATE INDEX "product_ocop_stars_index" ON "product" USING btree ("ocop_stars");--> statement-breakpoint
CREATE INDEX "product_ready_until_index" ON "product" USING btree ("ready_until");--> statement-breakpoint
CREATE INDEX "product_image_product_id_position_index" ON "product_image" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_inquiry_product_id_index" ON "product_inquiry" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_inquiry_status_created_at_index" ON "product_inquiry" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_listing_product_id_index" ON "product_listing" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_listing_platform_listed_on_index" ON "product_listing" USING btree ("platform","listed_on");--> statement-breakpoint
CREATE INDEX "readiness_item_expires_on_index" ON "readiness_item" USING btree ("expires_on");