CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory_Assessment" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory_Assessment" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "assessment_bonus_items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_assessment_bonus_items" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PointsTenths" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedAtUtcTicks" INTEGER NOT NULL,
    "DecidedAtUtcTicks" INTEGER NULL,
    "DecisionNote" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "assessment_facts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_assessment_facts" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "StaffNumber" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "PointsTenths" INTEGER NULL,
    "Note" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAtUtcTicks" INTEGER NOT NULL,
    "RequestId" TEXT NOT NULL,
    "RevokedAtUtcTicks" INTEGER NULL,
    "RevokedBy" TEXT NOT NULL,
    "RevocationReason" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "assessment_rubric_versions" (
    "Year" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Document" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "CreatedAtUtcTicks" INTEGER NOT NULL,
    CONSTRAINT "PK_assessment_rubric_versions" PRIMARY KEY ("Year", "Version")
);

CREATE TABLE "assessment_rubric_years" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_assessment_rubric_years" PRIMARY KEY,
    "CurrentVersion" INTEGER NOT NULL,
    "LockedAtUtcTicks" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_assessment_bonus_items_Year_Code" ON "assessment_bonus_items" ("Year", "Code");

CREATE UNIQUE INDEX "IX_assessment_facts_RequestId" ON "assessment_facts" ("RequestId");

CREATE INDEX "IX_assessment_facts_Year_MemberId" ON "assessment_facts" ("Year", "MemberId");

CREATE INDEX "IX_assessment_facts_Year_StaffNumber_Id" ON "assessment_facts" ("Year", "StaffNumber", "Id");

INSERT INTO "__EFMigrationsHistory_Assessment" ("MigrationId", "ProductVersion")
VALUES ('20261125132621_InitialAssessment', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_assessment_facts_RequestId";

CREATE UNIQUE INDEX "IX_assessment_facts_StaffNumber_RequestId" ON "assessment_facts" ("StaffNumber", "RequestId");

INSERT INTO "__EFMigrationsHistory_Assessment" ("MigrationId", "ProductVersion")
VALUES ('20261125165621_RequestIdsPerMember', '10.0.15');

COMMIT;

