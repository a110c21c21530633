CREATE TABLE `calendar_releases` (
	`user_id` text NOT NULL,
	`larpass_id` integer NOT NULL,
	`releases` integer DEFAULT 1 NOT NULL,
	`released_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `larpass_id`)
);
--> statement-breakpoint
CREATE INDEX `calendar_releases_larpass_idx` ON `calendar_releases` (`larpass_id`);--> statement-breakpoint
-- A confirmed seat that goes away (the member leaves, a move or a cancellation releases it) is remembered
-- for the personal calendar feed (lib/calendar.ts sends it as STATUS:CANCELLED). Only while the account and
-- the lärpass exist: when either is being deleted (a cascade), nothing is written.
CREATE TRIGGER `registrations_calendar_release` AFTER DELETE ON `registrations`
WHEN OLD.status = 'confirmed'
  AND EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id)
  AND EXISTS (SELECT 1 FROM larpass WHERE id = OLD.larpass_id)
BEGIN
  INSERT INTO calendar_releases (user_id, larpass_id) VALUES (OLD.user_id, OLD.larpass_id)
  ON CONFLICT (user_id, larpass_id) DO UPDATE SET releases = releases + 1, released_at = (unixepoch('subsec') * 1000);
END;
--> statement-breakpoint
CREATE TRIGGER `users_calendar_release_cleanup` AFTER DELETE ON `users`
BEGIN
  DELETE FROM calendar_releases WHERE user_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `larpass_calendar_release_cleanup` AFTER DELETE ON `larpass`
BEGIN
  DELETE FROM calendar_releases WHERE larpass_id = OLD.id;
END;
