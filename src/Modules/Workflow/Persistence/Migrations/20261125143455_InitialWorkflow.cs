using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Workflow.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class InitialWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_cycles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", nullable: false),
                    CommittedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    CommitmentMissing = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstHalfDeclaration = table.Column<string>(type: "TEXT", nullable: false),
                    FirstHalfDeclaredAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstHalfDeclarationMissing = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecondHalfDeclaration = table.Column<string>(type: "TEXT", nullable: false),
                    SecondHalfDeclaredAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondHalfDeclarationMissing = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpinionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicityStartedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Commendation = table.Column<string>(type: "TEXT", nullable: false),
                    HelpPlan = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomeAppliedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    OutcomeAppliedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_opinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CommitmentDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstHalfReportDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SecondHalfReportDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MassReviewCloses = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DeterminationBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MaterialsDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuarterlyChecks = table.Column<string>(type: "TEXT", nullable: false),
                    HalfYearChecks = table.Column<string>(type: "TEXT", nullable: false),
                    ReminderDaysBefore = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "workflow_cycle_transitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_cycle_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_cycle_transitions_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_determinations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PeerReviewSummary = table.Column<string>(type: "TEXT", nullable: false),
                    SecretaryComment = table.Column<string>(type: "TEXT", nullable: false),
                    DeterminedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DeterminedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ScorecardSnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    TotalScore = table.Column<string>(type: "TEXT", nullable: false),
                    SupersededAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_determinations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_determinations_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_objections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectedFactIds = table.Column<string>(type: "TEXT", nullable: false),
                    ResolvedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_objections_workflow_cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "workflow_cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycle_transitions_CycleId",
                table: "workflow_cycle_transitions",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_BranchCode_StaffNumber",
                table: "workflow_cycles",
                columns: new[] { "Year", "BranchCode", "StaffNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_MemberId",
                table: "workflow_cycles",
                columns: new[] { "Year", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_cycles_Year_StaffNumber",
                table: "workflow_cycles",
                columns: new[] { "Year", "StaffNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_determinations_CycleId",
                table: "workflow_determinations",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_objections_CycleId",
                table: "workflow_objections",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_opinions_CycleId",
                table: "workflow_opinions",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_opinions_RequestHash",
                table: "workflow_opinions",
                column: "RequestHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_cycle_transitions");

            migrationBuilder.DropTable(
                name: "workflow_determinations");

            migrationBuilder.DropTable(
                name: "workflow_objections");

            migrationBuilder.DropTable(
                name: "workflow_opinions");

            migrationBuilder.DropTable(
                name: "workflow_years");

            migrationBuilder.DropTable(
                name: "workflow_cycles");
        }
    }
}
