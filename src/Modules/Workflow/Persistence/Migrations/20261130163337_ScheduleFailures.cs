using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Workflow.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class ScheduleFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_schedule_failures",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstFailedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFailedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HoldsBack = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_schedule_failures", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_schedule_failures_Year",
                table: "workflow_schedule_failures",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_schedule_failures");
        }
    }
}
