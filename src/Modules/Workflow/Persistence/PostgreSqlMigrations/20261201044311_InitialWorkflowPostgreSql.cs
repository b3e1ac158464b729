using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chuangji.Workflow.Modules.Workflow.Persistence.PostgreSqlMigrations
{
    /// <inheritdoc />
    internal sealed partial class InitialWorkflowPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workflow");

            migrationBuilder.CreateTable(
                name: "workflow_check_reports",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    Findings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_check_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_cycles",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    StaffNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Commitment = table.Column<string>(type: "text", nullable: false),
                    CommittedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    CommitmentMissing = table.Column<bool>(type: "boolean", nullable: false),
                    FirstHalfDeclaration = table.Column<string>(type: "text", nullable: false),
                    FirstHalfDeclaredAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    FirstHalfDeclarationMissing = table.Column<bool>(type: "boolean", nullable: false),
                    SecondHalfDeclaration = table.Column<string>(type: "text", nullable: false),
                    SecondHalfDeclaredAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    SecondHalfDeclarationMissing = table.Column<bool>(type: "boolean", nullable: false),
                    OpinionCount = table.Column<int>(type: "integer", nullable: false),
                    PublicityStartedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    PublicityDays = table.Column<int>(type: "integer", nullable: false),
                    Commendation = table.Column<string>(type: "text", nullable: false),
                    HelpPlan = table.Column<string>(type: "text", nullable: false),
                    OutcomeAppliedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    OutcomeAppliedBy = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_opinions",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    Author = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_reminders",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecipientKey = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    StaffNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    DeliveredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_schedule_failures",
                schema: "workflow",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Work = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    FirstFailedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    LastFailedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HoldsBack = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_schedule_failures", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "workflow_schedule_runs",
                schema: "workflow",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Work = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    RanAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_schedule_runs", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "workflow_years",
                schema: "workflow",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommitmentDue = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstHalfReportDue = table.Column<DateOnly>(type: "date", nullable: false),
                    SecondHalfReportDue = table.Column<DateOnly>(type: "date", nullable: false),
                    MassReviewCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicityDays = table.Column<int>(type: "integer", nullable: false),
                    DeterminationBy = table.Column<DateOnly>(type: "date", nullable: false),
                    MaterialsDue = table.Column<DateOnly>(type: "date", nullable: false),
                    QuarterlyChecks = table.Column<string>(type: "text", nullable: false),
                    HalfYearChecks = table.Column<string>(type: "text", nullable: false),
                    ReminderDaysBefore = table.Column<string>(type: "text", nullable: false),
                    OpenedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "workflow_cycle_transitions",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_cycle_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_cycle_transitions_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalSchema: "workflow",
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_determinations",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PeerReviewSummary = table.Column<string>(type: "text", nullable: false),
                    SecretaryComment = table.Column<string>(type: "text", nullable: false),
                    DeterminedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    DeterminedBy = table.Column<string>(type: "text", nullable: false),
                    ScorecardSnapshotJson = table.Column<string>(type: "text", nullable: false),
                    TotalScore = table.Column<string>(type: "text", nullable: false),
                    SupersededAtUtcTicks = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_determinations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_determinations_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalSchema: "workflow",
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_objections",
                schema: "workflow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    RaisedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    RaisedBy = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Resolution = table.Column<string>(type: "text", nullable: false),
                    CorrectedFactIds = table.Column<string>(type: "text", nullable: false),
                    ResolvedAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_objections_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalSchema: "workflow",
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_check_reports_Year_Kind_Period_BranchCode",
                schema: "workflow",
                table: "workflow_check_reports",
                columns: new[] { "Year", "Kind", "Period", "BranchCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycle_transitions_CycleId",
                schema: "workflow",
                table: "workflow_cycle_transitions",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_BranchCode_StaffNumber",
                schema: "workflow",
                table: "workflow_cycles",
                columns: new[] { "Year", "BranchCode", "StaffNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_MemberId",
                schema: "workflow",
                table: "workflow_cycles",
                columns: new[] { "Year", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_StaffNumber",
                schema: "workflow",
                table: "workflow_cycles",
                columns: new[] { "Year", "StaffNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_determinations_CycleId",
                schema: "workflow",
                table: "workflow_determinations",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_objections_CycleId",
                schema: "workflow",
                table: "workflow_objections",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_opinions_CycleId",
                schema: "workflow",
                table: "workflow_opinions",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_opinions_RequestHash",
                schema: "workflow",
                table: "workflow_opinions",
                column: "RequestHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_BranchCode_Id",
                schema: "workflow",
                table: "workflow_reminders",
                columns: new[] { "BranchCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_Kind_RecipientKey_Deadline_DaysBefore",
                schema: "workflow",
                table: "workflow_reminders",
                columns: new[] { "Kind", "RecipientKey", "Deadline", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_reminders_StaffNumber_Id",
                schema: "workflow",
                table: "workflow_reminders",
                columns: new[] { "StaffNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_schedule_failures_Year",
                schema: "workflow",
                table: "workflow_schedule_failures",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_check_reports",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_cycle_transitions",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_determinations",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_objections",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_opinions",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_reminders",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_schedule_failures",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_schedule_runs",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_years",
                schema: "workflow");

            migrationBuilder.DropTable(
                name: "workflow_cycles",
                schema: "workflow");
        }
    }
}
