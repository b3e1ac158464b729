using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chuangji.Workflow.Modules.Members.Persistence.PostgreSqlMigrations
{
    /// <inheritdoc />
    internal sealed partial class InitialMembersPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "members");

            migrationBuilder.CreateTable(
                name: "members_branches",
                schema: "members",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretaryName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretaryStaffNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_branches", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "members_members",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedPartyOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Specialty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_members_members_members_branches_BranchCode",
                        column: x => x.BranchCode,
                        principalSchema: "members",
                        principalTable: "members_branches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "members_branch_memberships",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UntilDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members_branch_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_members_branch_memberships_members_branches_BranchCode",
                        column: x => x.BranchCode,
                        principalSchema: "members",
                        principalTable: "members_branches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_members_branch_memberships_members_members_MemberId",
                        column: x => x.MemberId,
                        principalSchema: "members",
                        principalTable: "members_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_members_branch_memberships_BranchCode",
                schema: "members",
                table: "members_branch_memberships",
                column: "BranchCode");

            migrationBuilder.CreateIndex(
                name: "IX_members_branch_memberships_MemberId_FromDate",
                schema: "members",
                table: "members_branch_memberships",
                columns: new[] { "MemberId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_members_members_BranchCode_StaffNumber",
                schema: "members",
                table: "members_members",
                columns: new[] { "BranchCode", "StaffNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_members_members_StaffNumber",
                schema: "members",
                table: "members_members",
                column: "StaffNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "members_branch_memberships",
                schema: "members");

            migrationBuilder.DropTable(
                name: "members_members",
                schema: "members");

            migrationBuilder.DropTable(
                name: "members_branches",
                schema: "members");
        }
    }
}
