using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chuangji.Workflow.Modules.Assessment.Persistence.PostgreSqlMigrations
{
    /// <inheritdoc />
    internal sealed partial class InitialAssessmentPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "assessment");

            migrationBuilder.CreateTable(
                name: "assessment_bonus_items",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PointsTenths = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_bonus_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_facts",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    StaffNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    PointsTenths = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevokedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevocationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_rubric_versions",
                schema: "assessment",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rubric_versions", x => new { x.Year, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "assessment_rubric_years",
                schema: "assessment",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    LockedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_rubric_years", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_bonus_items_Year_Code",
                schema: "assessment",
                table: "assessment_bonus_items",
                columns: new[] { "Year", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_StaffNumber_RequestId",
                schema: "assessment",
                table: "assessment_facts",
                columns: new[] { "StaffNumber", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_Year_MemberId",
                schema: "assessment",
                table: "assessment_facts",
                columns: new[] { "Year", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_Year_StaffNumber_Id",
                schema: "assessment",
                table: "assessment_facts",
                columns: new[] { "Year", "StaffNumber", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_bonus_items",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "assessment_facts",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "assessment_rubric_versions",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "assessment_rubric_years",
                schema: "assessment");
        }
    }
}
