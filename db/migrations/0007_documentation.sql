CREATE TABLE `doc_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`larpass_id` integer,
	`user_id` text,
	`text` text DEFAULT '' NOT NULL,
	`rating` integer,
	`hidden` integer DEFAULT false NOT NULL,
	`quote` integer DEFAULT false NOT NULL,
	`theme_id` integer,
	`source` text DEFAULT 'form' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `doc_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme_id`) REFERENCES `doc_themes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `doc_answers_question_idx` ON `doc_answers` (`question_id`,`id`);--> statement-breakpoint
CREATE INDEX `doc_answers_user_idx` ON `doc_answers` (`user_id`);--> statement-breakpoint
CREATE INDEX `doc_answers_larpass_idx` ON `doc_answers` (`larpass_id`);--> statement-breakpoint
CREATE TABLE `doc_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`larpass_id` integer NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`stored_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `doc_attachments_stored_name_unique` ON `doc_attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `doc_attachments_larpass_idx` ON `doc_attachments` (`larpass_id`);--> statement-breakpoint
CREATE TABLE `doc_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`scope` text DEFAULT 'event' NOT NULL,
	`larpass_id` integer,
	`kind` text DEFAULT 'text' NOT NULL,
	`prompt` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `doc_questions_event_idx` ON `doc_questions` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `doc_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`author_id` text,
	`author_label` text NOT NULL,
	`author_role` text NOT NULL,
	`what` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `doc_revisions_event_idx` ON `doc_revisions` (`event_id`,`id`);--> statement-breakpoint
CREATE TABLE `doc_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `doc_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `doc_themes_question_idx` ON `doc_themes` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `documentations` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`section_order` text DEFAULT '["intro","questions","larpass","ratings"]' NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`published_at` integer,
	`include_ratings` integer DEFAULT false NOT NULL,
	`answers_open_at` integer,
	`answers_close_at` integer,
	`require_sign_in` integer DEFAULT true NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `larpass_docs` (
	`larpass_id` integer PRIMARY KEY NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`groups` text DEFAULT '[]' NOT NULL,
	`quotes` text DEFAULT '[]' NOT NULL,
	`slides` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`larpass_id`) REFERENCES `larpass`(`id`) ON UPDATE no action ON DELETE cascade
);
