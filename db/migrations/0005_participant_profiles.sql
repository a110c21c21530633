ALTER TABLE `organisations` ADD `confirmed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `organisation_id` integer REFERENCES organisations(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `users` ADD `profile_skipped_at` integer;