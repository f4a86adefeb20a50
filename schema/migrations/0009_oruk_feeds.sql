CREATE TABLE `feed_records` (
	`feed_id` text NOT NULL,
	`remote_id` text NOT NULL,
	`service_id` text,
	`state` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`fetched_at` text NOT NULL,
	`raw` text NOT NULL,
	`hash` text NOT NULL,
	`flags` text NOT NULL,
	`reason` text,
	`pending_raw` text,
	`pending_hash` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`feed_id`, `remote_id`),
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feed_records_service_idx` ON `feed_records` (`service_id`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`base_url` text NOT NULL,
	`licence` text DEFAULT 'Open Government Licence v3.0' NOT NULL,
	`organisation_id` text,
	`review_every_days` integer DEFAULT 180 NOT NULL,
	`filter_rule` text NOT NULL,
	`version` text,
	`last_sync_at` text,
	`last_summary` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_base_url_unique` ON `feeds` (`base_url`);