CREATE TABLE `demand_counts` (
	`district` text NOT NULL,
	`month` text NOT NULL,
	`searches` integer DEFAULT 0 NOT NULL,
	`without_local` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`district`, `month`)
);
