CREATE TABLE `listing_drafts` (
	`service_id` text PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`base_version` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`edited_by` text,
	`edited_at` text NOT NULL,
	`submitted_by` text,
	`submitted_at` text,
	`review_note` text,
	`write_token` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_drafts_state_idx` ON `listing_drafts` (`state`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`organisation_id` text NOT NULL,
	`day` text NOT NULL,
	`recipients` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_kind_organisation_day_idx` ON `outbox` (`kind`,`organisation_id`,`day`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`);--> statement-breakpoint
DROP INDEX `revisions_service_version_idx`;--> statement-breakpoint
ALTER TABLE `revisions` ADD `edited_by` text;--> statement-breakpoint
ALTER TABLE `revisions` ADD `note` text;--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_service_version_idx` ON `revisions` (`service_id`,`version`);--> statement-breakpoint
ALTER TABLE `reports` ADD `handled_by` text;--> statement-breakpoint
CREATE INDEX `reports_service_idx` ON `reports` (`service_id`);