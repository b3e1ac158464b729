using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Members.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class InitialMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "members_branches",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretaryName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretaryStaffNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_branches", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "members_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JoinedPartyOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_members_members_members_branches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "members_branches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "members_branch_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UntilDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_branch_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_members_branch_memberships_members_branches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "members_branches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_members_branch_memberships_members_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_members_branch_memberships_BranchCode",
                table: "members_branch_memberships",
                column: "BranchCode");

            migrationBuilder.CreateIndex(
                name: "IX_members_branch_memberships_MemberId_FromDate",
                table: "members_branch_memberships",
                columns: new[] { "MemberId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_members_members_BranchCode_StaffNumber",
                table: "members_members",
                columns: new[] { "BranchCode", "StaffNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_members_members_StaffNumber",
                table: "members_members",
                column: "StaffNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "members_branch_memberships");

            migrationBuilder.DropTable(
                name: "members_members");

            migrationBuilder.DropTable(
                name: "members_branches");
        }
    }
}
