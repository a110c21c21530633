CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`larpass_id` integer,
	`speaker_id` integer,
	`author_id` text,
	`author_label` text NOT NULL,
	`author_role` text NOT NULL,
	`version` integer NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`restored_from` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisions_larpass_idx` ON `revisions` (`larpass_id`,`id`);--> statement-breakpoint
CREATE INDEX `revisions_speaker_idx` ON `revisions` (`speaker_id`,`id`);--> statement-breakpoint
ALTER TABLE `events` ADD `speaker_edit_deadline` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `speakers_see_participants` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `user_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `speakers` ADD `invited_at` integer;--> statement-breakpoint
ALTER TABLE `speakers` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_user_unique` ON `speakers` (`user_id`);