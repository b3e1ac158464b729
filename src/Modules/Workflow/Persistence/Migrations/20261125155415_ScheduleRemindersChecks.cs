using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Workflow.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class ScheduleRemindersChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_check_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_check_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    StaffNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_schedule_runs",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    RanAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_schedule_runs", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_check_reports_Year_Kind_Period_BranchCode",
                table: "workflow_check_reports",
                columns: new[] { "Year", "Kind", "Period", "BranchCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_BranchCode_Id",
                table: "workflow_reminders",
                columns: new[] { "BranchCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_Kind_RecipientKey_Deadline_DaysBefore",
                table: "workflow_reminders",
                columns: new[] { "Kind", "RecipientKey", "Deadline", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_StaffNumber_Id",
                table: "workflow_reminders",
                columns: new[] { "StaffNumber", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_check_reports");

            migrationBuilder.DropTable(
                name: "workflow_reminders");

            migrationBuilder.DropTable(
                name: "workflow_schedule_runs");
        }
    }
}
