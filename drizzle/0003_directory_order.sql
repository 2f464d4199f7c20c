DROP INDEX "project_is_public_created_at_index";--> statement-breakpoint
CREATE INDEX "project_public_updated" ON "project" USING btree ("is_public","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "project_updated" ON "project" USING btree ("updated_at" DESC NULLS LAST,"id");