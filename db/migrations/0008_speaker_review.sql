CREATE TABLE `speaker_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`larpass_id` integer NOT NULL,
	`author_id` text,
	`author_label` text NOT NULL,
	`abstract` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`message` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speaker_edits_one_pending` ON `speaker_edits` (`larpass_id`) WHERE "speaker_edits"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `speaker_edits_status_idx` ON `speaker_edits` (`status`,`id`);--> statement-breakpoint
ALTER TABLE `events` ADD `speaker_edits_reviewed` integer DEFAULT false NOT NULL;