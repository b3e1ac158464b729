using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Assessment.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class InitialAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_bonus_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PointsTenths = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_bonus_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsTenths = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_rubric_versions",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rubric_versions", x => new { x.Year, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "assessment_rubric_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rubric_years", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_bonus_items_Year_Code",
                table: "assessment_bonus_items",
                columns: new[] { "Year", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_RequestId",
                table: "assessment_facts",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_Year_MemberId",
                table: "assessment_facts",
                columns: new[] { "Year", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_Year_StaffNumber_Id",
                table: "assessment_facts",
                columns: new[] { "Year", "StaffNumber", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_bonus_items");

            migrationBuilder.DropTable(
                name: "assessment_facts");

            migrationBuilder.DropTable(
                name: "assessment_rubric_versions");

            migrationBuilder.DropTable(
                name: "assessment_rubric_years");
        }
    }
}
