CREATE INDEX `trainees_org_status_as_of_idx` ON `trainees` (`org_id`,`status_as_of`);--> statement-breakpoint
-- Rows cached before dashboard_facts existed: marking them stale makes the next read (refreshStaleStatuses) fill the facts in.
UPDATE `trainees` SET `status_as_of` = NULL WHERE `dashboard_facts` IS NULL;
