CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`reason` text NOT NULL,
	`text` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`user_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revisions_service_version_idx` ON `revisions` (`service_id`,`version`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `areas` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lads` text
);
--> statement-breakpoint
CREATE INDEX `areas_kind_idx` ON `areas` (`kind`);--> statement-breakpoint
CREATE TABLE `postcode_districts` (
	`outcode` text PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`postcodes` integer,
	`england_region_shares` text,
	`icb23_shares` text,
	`lhb_shares` text,
	`lad24_shares` text
);
--> statement-breakpoint
CREATE INDEX `postcode_districts_area_idx` ON `postcode_districts` (`area`);--> statement-breakpoint
CREATE TABLE `postcode_sectors` (
	`sector` text PRIMARY KEY NOT NULL,
	`outcode` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`postcodes` integer NOT NULL,
	`country` text NOT NULL,
	`lad24` text,
	`icb23` text,
	`lhb` text
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`label` text,
	`label_cy` text,
	`hours` text,
	`hours_cy` text,
	`keyword` text,
	`needs_verification` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_service_idx` ON `contacts` (`service_id`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`postcode` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`accessibility` text,
	`accessibility_cy` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `locations_service_idx` ON `locations` (`service_id`);--> statement-breakpoint
CREATE INDEX `locations_lat_lon_idx` ON `locations` (`latitude`,`longitude`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`email` text,
	`phone` text,
	`charity_number` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`location_id` text,
	`pattern` text NOT NULL,
	`weekday` integer NOT NULL,
	`nth` integer,
	`anchor_date` text,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`term_time_only` integer DEFAULT false NOT NULL,
	`valid_from` text,
	`valid_until` text,
	`note` text,
	`note_cy` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `schedules_service_idx` ON `schedules` (`service_id`);--> statement-breakpoint
CREATE TABLE `service_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`kind` text NOT NULL,
	`code` text,
	`latitude` real,
	`longitude` real,
	`radius_km` real,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_areas_kind_code_idx` ON `service_areas` (`kind`,`code`);--> statement-breakpoint
CREATE INDEX `service_areas_service_idx` ON `service_areas` (`service_id`);--> statement-breakpoint
CREATE INDEX `service_areas_lat_lon_idx` ON `service_areas` (`latitude`,`longitude`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`name_cy` text,
	`summary` text NOT NULL,
	`summary_cy` text,
	`description` text DEFAULT '' NOT NULL,
	`description_cy` text,
	`kind` text NOT NULL,
	`stages` text DEFAULT '[]' NOT NULL,
	`audiences` text DEFAULT '[]' NOT NULL,
	`formats` text DEFAULT '[]' NOT NULL,
	`referral` text DEFAULT '[]' NOT NULL,
	`how_to_access` text DEFAULT '' NOT NULL,
	`how_to_access_cy` text,
	`cost` text DEFAULT 'free' NOT NULL,
	`cost_note` text,
	`languages` text DEFAULT '["en"]' NOT NULL,
	`children_welcome` integer DEFAULT false NOT NULL,
	`mental_health_specific` integer DEFAULT false NOT NULL,
	`peer_led` integer DEFAULT false NOT NULL,
	`facilitator_trained` integer DEFAULT false NOT NULL,
	`moderated` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`verified_at` text,
	`review_every_days` integer DEFAULT 180 NOT NULL,
	`source_url` text,
	`needs_verification` integer DEFAULT false NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_status_kind_idx` ON `services` (`status`,`kind`);--> statement-breakpoint
CREATE INDEX `services_organisation_idx` ON `services` (`organisation_id`);