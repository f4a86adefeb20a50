ALTER TABLE `feeds` ADD `enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `feeds` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `feeds` ADD `last_error` text;