ALTER TABLE `contacts` ADD `open_hours` text;--> statement-breakpoint
ALTER TABLE `locations` ADD `precision` text DEFAULT 'address' NOT NULL;