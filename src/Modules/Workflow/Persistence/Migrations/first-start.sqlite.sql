CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory_Workflow" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory_Workflow" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "workflow_cycles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_cycles" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "StaffNumber" TEXT NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Commitment" TEXT NOT NULL,
    "CommittedAtUtcTicks" INTEGER NULL,
    "CommitmentMissing" INTEGER NOT NULL,
    "FirstHalfDeclaration" TEXT NOT NULL,
    "FirstHalfDeclaredAtUtcTicks" INTEGER NULL,
    "FirstHalfDeclarationMissing" INTEGER NOT NULL,
    "SecondHalfDeclaration" TEXT NOT NULL,
    "SecondHalfDeclaredAtUtcTicks" INTEGER NULL,
    "SecondHalfDeclarationMissing" INTEGER NOT NULL,
    "OpinionCount" INTEGER NOT NULL,
    "PublicityStartedAtUtcTicks" INTEGER NULL,
    "PublicityDays" INTEGER NOT NULL,
    "Commendation" TEXT NOT NULL,
    "HelpPlan" TEXT NOT NULL,
    "OutcomeAppliedAtUtcTicks" INTEGER NULL,
    "OutcomeAppliedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "workflow_opinions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_opinions" PRIMARY KEY AUTOINCREMENT,
    "CycleId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "Author" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL
);

CREATE TABLE "workflow_years" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_workflow_years" PRIMARY KEY,
    "TimeZone" TEXT NOT NULL,
    "CommitmentDue" TEXT NOT NULL,
    "FirstHalfReportDue" TEXT NOT NULL,
    "SecondHalfReportDue" TEXT NOT NULL,
    "MassReviewCloses" TEXT NOT NULL,
    "PublicityDays" INTEGER NOT NULL,
    "DeterminationBy" TEXT NOT NULL,
    "MaterialsDue" TEXT NOT NULL,
    "QuarterlyChecks" TEXT NOT NULL,
    "HalfYearChecks" TEXT NOT NULL,
    "ReminderDaysBefore" TEXT NOT NULL,
    "OpenedAtUtcTicks" INTEGER NOT NULL,
    "OpenedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "workflow_cycle_transitions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_cycle_transitions" PRIMARY KEY AUTOINCREMENT,
    "CycleId" INTEGER NOT NULL,
    "AtUtcTicks" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_workflow_cycle_transitions_workflow_cycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "workflow_cycles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "workflow_determinations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_determinations" PRIMARY KEY AUTOINCREMENT,
    "CycleId" INTEGER NOT NULL,
    "Rating" TEXT NOT NULL,
    "PeerReviewSummary" TEXT NOT NULL,
    "SecretaryComment" TEXT NOT NULL,
    "DeterminedAtUtcTicks" INTEGER NOT NULL,
    "DeterminedBy" TEXT NOT NULL,
    "ScorecardSnapshotJson" TEXT NOT NULL,
    "TotalScore" TEXT NOT NULL,
    "SupersededAtUtcTicks" INTEGER NULL,
    CONSTRAINT "FK_workflow_determinations_workflow_cycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "workflow_cycles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "workflow_objections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_objections" PRIMARY KEY AUTOINCREMENT,
    "CycleId" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "RaisedAtUtcTicks" INTEGER NOT NULL,
    "RaisedBy" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Resolution" TEXT NOT NULL,
    "CorrectedFactIds" TEXT NOT NULL,
    "ResolvedAtUtcTicks" INTEGER NULL,
    "ResolvedBy" TEXT NOT NULL,
    CONSTRAINT "FK_workflow_objections_workflow_cycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "workflow_cycles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_workflow_cycle_transitions_CycleId" ON "workflow_cycle_transitions" ("CycleId");

CREATE INDEX "IX_workflow_cycles_Year_BranchCode_StaffNumber" ON "workflow_cycles" ("Year", "BranchCode", "StaffNumber");

CREATE UNIQUE INDEX "IX_workflow_cycles_Year_MemberId" ON "workflow_cycles" ("Year", "MemberId");

CREATE UNIQUE INDEX "IX_workflow_cycles_Year_StaffNumber" ON "workflow_cycles" ("Year", "StaffNumber");

CREATE INDEX "IX_workflow_determinations_CycleId" ON "workflow_determinations" ("CycleId");

CREATE INDEX "IX_workflow_objections_CycleId" ON "workflow_objections" ("CycleId");

CREATE INDEX "IX_workflow_opinions_CycleId" ON "workflow_opinions" ("CycleId");

CREATE UNIQUE INDEX "IX_workflow_opinions_RequestHash" ON "workflow_opinions" ("RequestHash");

INSERT INTO "__EFMigrationsHistory_Workflow" ("MigrationId", "ProductVersion")
VALUES ('20261125143455_InitialWorkflow', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "workflow_check_reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_check_reports" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "CreatedAtUtcTicks" INTEGER NOT NULL,
    "Findings" TEXT NOT NULL
);

CREATE TABLE "workflow_reminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_reminders" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "RecipientKey" TEXT NOT NULL,
    "StaffNumber" TEXT NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "DaysBefore" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    "CreatedAtUtcTicks" INTEGER NOT NULL,
    "DeliveredAtUtcTicks" INTEGER NULL,
    "DeliveredBy" TEXT NOT NULL
);

CREATE TABLE "workflow_schedule_runs" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_workflow_schedule_runs" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "Work" TEXT NOT NULL,
    "DueAtUtcTicks" INTEGER NOT NULL,
    "RanAtUtcTicks" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_workflow_check_reports_Year_Kind_Period_BranchCode" ON "workflow_check_reports" ("Year", "Kind", "Period", "BranchCode");

CREATE INDEX "IX_workflow_reminders_BranchCode_Id" ON "workflow_reminders" ("BranchCode", "Id");

CREATE UNIQUE INDEX "IX_workflow_reminders_Kind_RecipientKey_Deadline_DaysBefore" ON "workflow_reminders" ("Kind", "RecipientKey", "Deadline", "DaysBefore");

CREATE INDEX "IX_workflow_reminders_StaffNumber_Id" ON "workflow_reminders" ("StaffNumber", "Id");

INSERT INTO "__EFMigrationsHistory_Workflow" ("MigrationId", "ProductVersion")
VALUES ('20261125155415_ScheduleRemindersChecks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "workflow_schedule_failures" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_workflow_schedule_failures" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "Work" TEXT NOT NULL,
    "DueAtUtcTicks" INTEGER NOT NULL,
    "FirstFailedAtUtcTicks" INTEGER NOT NULL,
    "LastFailedAtUtcTicks" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "HoldsBack" TEXT NOT NULL
);

CREATE INDEX "IX_workflow_schedule_failures_Year" ON "workflow_schedule_failures" ("Year");

INSERT INTO "__EFMigrationsHistory_Workflow" ("MigrationId", "ProductVersion")
VALUES ('20261130163337_ScheduleFailures', '10.0.15');

COMMIT;

