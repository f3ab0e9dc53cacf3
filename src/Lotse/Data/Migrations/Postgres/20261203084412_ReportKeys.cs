using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Goals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Encounters",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Clients",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Rows written before: a random key each, as new rows get one (RecordKeys.New); keys never leave the database.
            foreach (var table in new[] { "Clients", "Cases", "Goals", "Referrals", "Encounters" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"ReportKey\" = floor(random() * 1048576)::integer;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Encounters");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Cases");
        }
    }
}
