CREATE TABLE `proposal_calls` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`formats` text DEFAULT '[{"name":"Lärpass","minutes":45}]' NOT NULL,
	`tracks` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '["sv","en"]' NOT NULL,
	`criteria` text DEFAULT '["Relevans för medlemmarna","Genomförande"]' NOT NULL,
	`accept_template` text DEFAULT '' NOT NULL,
	`reject_template` text DEFAULT '' NOT NULL,
	`changes_template` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `proposal_drafts` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`proposal_id` integer,
	`values` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `proposal_reviewers` (
	`event_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`event_id`, `user_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_reviewers_user_idx` ON `proposal_reviewers` (`user_id`);--> statement-breakpoint
CREATE TABLE `proposal_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`reviewer_id` text,
	`reviewer_label` text NOT NULL,
	`scores` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_reviews_one_per_reviewer` ON `proposal_reviews` (`proposal_id`,`reviewer_id`);--> statement-breakpoint
CREATE TABLE `proposal_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`author_id` text,
	`author_label` text NOT NULL,
	`author_role` text NOT NULL,
	`what` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `proposal_revisions_proposal_idx` ON `proposal_revisions` (`proposal_id`,`id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`user_id` text,
	`proposer_name` text NOT NULL,
	`proposer_organisation` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`abstract` text DEFAULT '' NOT NULL,
	`format` text NOT NULL,
	`track` text,
	`language` text DEFAULT 'sv' NOT NULL,
	`co_speakers` text DEFAULT '[]' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`decision_message` text,
	`submitted_at` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `proposals_event_idx` ON `proposals` (`event_id`,`state`);--> statement-breakpoint
CREATE INDEX `proposals_user_idx` ON `proposals` (`user_id`);--> statement-breakpoint
ALTER TABLE `larpass` ADD `proposal_id` integer REFERENCES proposals(id) ON DELETE set null;--> statement-breakpoint
CREATE UNIQUE INDEX `larpass_proposal_unique` ON `larpass` (`proposal_id`);