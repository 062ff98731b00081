CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `calendar_overrides` (
	`org_id` integer NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`org_id`, `day`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `call_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`trainee_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`scorecard_version` integer NOT NULL,
	`items` text NOT NULL,
	`critical_flags` text DEFAULT '[]' NOT NULL,
	`total` real NOT NULL,
	`critical_failed` integer NOT NULL,
	`passed` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`acknowledged_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `call_reviews_call_kind_uq` ON `call_reviews` (`call_id`,`kind`);--> statement-breakpoint
CREATE INDEX `call_reviews_trainee_day_idx` ON `call_reviews` (`trainee_id`,`day`);--> statement-breakpoint
CREATE INDEX `call_reviews_reviewer_idx` ON `call_reviews` (`reviewer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`trainee_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`agent_code` text NOT NULL,
	`started_at` integer NOT NULL,
	`day` text NOT NULL,
	`duration_sec` integer NOT NULL,
	`direction` text NOT NULL,
	`recording_url` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_org_external_uq` ON `calls` (`org_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `calls_trainee_day_idx` ON `calls` (`trainee_id`,`day`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`code` text NOT NULL,
	`issued_on` text NOT NULL,
	`issued_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_uq` ON `certificates` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_trainee_uq` ON `certificates` (`trainee_id`);--> statement-breakpoint
CREATE TABLE `daily_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`day` text NOT NULL,
	`seed` text NOT NULL,
	`algorithm` text NOT NULL,
	`pool_call_ids` text NOT NULL,
	`shortfall` integer DEFAULT 0 NOT NULL,
	`drawn_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_samples_trainee_day_uq` ON `daily_samples` (`trainee_id`,`day`);--> statement-breakpoint
CREATE TABLE `drill_group_members` (
	`group_id` integer NOT NULL,
	`trainee_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `trainee_id`),
	FOREIGN KEY (`group_id`) REFERENCES `drill_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drill_group_members_trainee_idx` ON `drill_group_members` (`trainee_id`);--> statement-breakpoint
CREATE TABLE `drill_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`day` text NOT NULL,
	`name` text NOT NULL,
	`scenario_id` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drill_groups_org_day_idx` ON `drill_groups` (`org_id`,`day`);--> statement-breakpoint
CREATE TABLE `drill_scripts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`group_id` integer,
	`day` text NOT NULL,
	`scenario_id` text NOT NULL,
	`script` text NOT NULL,
	`mentor_comment` text,
	`commented_by` integer,
	`commented_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `drill_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commented_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drill_scripts_trainee_day_uq` ON `drill_scripts` (`trainee_id`,`day`);--> statement-breakpoint
CREATE TABLE `lesson_progress` (
	`trainee_id` integer NOT NULL,
	`lesson_id` text NOT NULL,
	`module_id` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`trainee_id`, `lesson_id`),
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_user_at_idx` ON `login_attempts` (`username`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_ip_at_idx` ON `login_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `mentor_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`mentor_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`assigned_by` integer,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_assignments_trainee_idx` ON `mentor_assignments` (`trainee_id`);--> statement-breakpoint
CREATE INDEX `mentor_assignments_mentor_idx` ON `mentor_assignments` (`mentor_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `probation_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`assessor_kind` text NOT NULL,
	`assessor_id` integer NOT NULL,
	`score` real NOT NULL,
	`comment` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `probation_scores_uq` ON `probation_scores` (`trainee_id`,`attempt`,`assessor_kind`);--> statement-breakpoint
CREATE TABLE `program_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`trainee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`effective_date` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`actor_id` integer,
	`reason` text,
	`request_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `program_events_trainee_idx` ON `program_events` (`trainee_id`,`id`);--> statement-breakpoint
CREATE INDEX `program_events_org_kind_idx` ON `program_events` (`org_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `program_events_request_key_uq` ON `program_events` (`request_key`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`module_id` text,
	`seed` text NOT NULL,
	`question_ids` text NOT NULL,
	`option_order` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer,
	`submitted_at` integer,
	`score_percent` real,
	`passed` integer,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_trainee_idx` ON `quiz_attempts` (`trainee_id`,`kind`,`module_id`);--> statement-breakpoint
CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainee_id` integer NOT NULL,
	`day` text NOT NULL,
	`recording_ref` text NOT NULL,
	`agent_name` text NOT NULL,
	`call_type` text NOT NULL,
	`went_well` text NOT NULL,
	`to_learn` text NOT NULL,
	`request_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recordings_trainee_day_idx` ON `recordings` (`trainee_id`,`day`);--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_request_key_uq` ON `recordings` (`request_key`);--> statement-breakpoint
CREATE TABLE `sampled_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sample_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`slot` integer NOT NULL,
	`replaced_at` integer,
	`replaced_by` integer,
	`replace_reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`sample_id`) REFERENCES `daily_samples`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sampled_calls_sample_idx` ON `sampled_calls` (`sample_id`);--> statement-breakpoint
CREATE INDEX `sampled_calls_call_idx` ON `sampled_calls` (`call_id`);--> statement-breakpoint
CREATE TABLE `trainee_days` (
	`trainee_id` integer NOT NULL,
	`day` text NOT NULL,
	`live_shadowing` integer DEFAULT false NOT NULL,
	`recordings_logged` integer DEFAULT 0 NOT NULL,
	`calls_handled` integer DEFAULT 0 NOT NULL,
	`calls_sampled` integer DEFAULT 0 NOT NULL,
	`calls_reviewed` integer DEFAULT 0 NOT NULL,
	`calls_live_listened` integer DEFAULT 0 NOT NULL,
	`drill_script_submitted` integer DEFAULT false NOT NULL,
	`confirmed_by` integer,
	`confirmed_at` integer,
	PRIMARY KEY(`trainee_id`, `day`),
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trainees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`trainee_class` text NOT NULL,
	`cohort` text NOT NULL,
	`start_date` text NOT NULL,
	`mentor_id` integer,
	`status` text DEFAULT 'not_started' NOT NULL,
	`current_stage` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainees_user_uq` ON `trainees` (`user_id`);--> statement-breakpoint
CREATE INDEX `trainees_org_cohort_idx` ON `trainees` (`org_id`,`cohort`);--> statement-breakpoint
CREATE INDEX `trainees_mentor_idx` ON `trainees` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `trainees_org_status_idx` ON `trainees` (`org_id`,`status`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_roles_role_idx` ON `user_roles` (`role`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_org_idx` ON `users` (`org_id`);