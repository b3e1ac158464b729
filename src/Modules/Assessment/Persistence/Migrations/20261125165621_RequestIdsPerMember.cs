using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chuangji.Workflow.Modules.Assessment.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class RequestIdsPerMember : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_facts_RequestId",
                table: "assessment_facts");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_StaffNumber_RequestId",
                table: "assessment_facts",
                columns: new[] { "StaffNumber", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assessment_facts_StaffNumber_RequestId",
                table: "assessment_facts");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_facts_RequestId",
                table: "assessment_facts",
                column: "RequestId",
                unique: true);
        }
    }
}
