CREATE TABLE `listing_requests` (
	`service_id` text NOT NULL,
	`action` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`version` integer NOT NULL,
	`revision` integer NOT NULL,
	PRIMARY KEY(`service_id`, `action`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `listing_drafts` ADD `editors` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listing_drafts` ADD `number_editors` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Drafts saved before this migration know only their last editor: count them as having changed
-- numbers too (the safe side), and a draft nobody edited as seeded content.
UPDATE `listing_drafts` SET `editors` = json_array(coalesce(`edited_by`, 'seed')), `number_editors` = json_array(coalesce(`edited_by`, 'seed'));
