DROP INDEX "support_started_on_index";--> statement-breakpoint
CREATE INDEX "request_event_to_status_created_at_index" ON "request_event" USING btree ("to_status","created_at");--> statement-breakpoint
CREATE INDEX "support_period" ON "support" USING btree ("started_on","ended_on","status","kind","project_id");--> statement-breakpoint
CREATE INDEX "support_source_kind_started_on_index" ON "support" USING btree ("source_kind","started_on");--> statement-breakpoint
CREATE INDEX "support_source_kind_ended_on_index" ON "support" USING btree ("source_kind","ended_on");