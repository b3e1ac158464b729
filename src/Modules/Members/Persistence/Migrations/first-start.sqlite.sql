CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory_Members" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory_Members" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "members_branches" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_members_branches" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "SecretaryName" TEXT NOT NULL,
    "SecretaryStaffNumber" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAtUtcTicks" INTEGER NOT NULL,
    "UpdatedAtUtcTicks" INTEGER NOT NULL
);

CREATE TABLE "members_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_members_members" PRIMARY KEY AUTOINCREMENT,
    "StaffNumber" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "JoinedPartyOn" TEXT NOT NULL,
    "Specialty" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAtUtcTicks" INTEGER NOT NULL,
    "UpdatedAtUtcTicks" INTEGER NOT NULL,
    CONSTRAINT "FK_members_members_members_branches_BranchCode" FOREIGN KEY ("BranchCode") REFERENCES "members_branches" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "members_branch_memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_members_branch_memberships" PRIMARY KEY AUTOINCREMENT,
    "MemberId" INTEGER NOT NULL,
    "BranchCode" TEXT NOT NULL,
    "FromDate" TEXT NOT NULL,
    "UntilDate" TEXT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_members_branch_memberships_members_branches_BranchCode" FOREIGN KEY ("BranchCode") REFERENCES "members_branches" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_members_branch_memberships_members_members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "members_members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_members_branch_memberships_BranchCode" ON "members_branch_memberships" ("BranchCode");

CREATE INDEX "IX_members_branch_memberships_MemberId_FromDate" ON "members_branch_memberships" ("MemberId", "FromDate");

CREATE INDEX "IX_members_members_BranchCode_StaffNumber" ON "members_members" ("BranchCode", "StaffNumber");

CREATE UNIQUE INDEX "IX_members_members_StaffNumber" ON "members_members" ("StaffNumber");

INSERT INTO "__EFMigrationsHistory_Members" ("MigrationId", "ProductVersion")
VALUES ('20261125130325_InitialMembers', '10.0.15');

COMMIT;

