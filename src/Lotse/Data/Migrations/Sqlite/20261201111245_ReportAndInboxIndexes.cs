using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportAndInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_RecipientOrganizationId_SentAt",
                table: "Referrals",
                columns: new[] { "RecipientOrganizationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_At_DurationMinutes_InterpreterUsed",
                table: "Encounters",
                columns: new[] { "At", "DurationMinutes", "InterpreterUsed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_RecipientOrganizationId_SentAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Encounters_At_DurationMinutes_InterpreterUsed",
                table: "Encounters");
        }
    }
}
