-- Problem reports are referred to by id in the audit log, never copied into it: what a parent
-- wrote lives only in `reports.text`, which is purged after triage. Entries written before this
-- change carried the text; remove it once, with the append-only triggers lifted for this alone.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
UPDATE `audit_log` SET `after` = json_remove(`after`, '$.text')
WHERE `action` = 'report.create' AND json_valid(`after`) AND json_type(`after`, '$.text') IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
