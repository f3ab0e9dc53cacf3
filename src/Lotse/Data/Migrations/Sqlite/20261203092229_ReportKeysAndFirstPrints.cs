using System;
using Lotse.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    [DbContext(typeof(SqliteLotseDbContext))]
    [Migration("20261203092229_ReportKeysAndFirstPrints")]
    public partial class ReportKeysAndFirstPrints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Goals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Encounters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows written before: a random key each, as new rows get one (RecordKeys.New); keys never leave the database.
            foreach (var table in new[] { "Clients", "Cases", "Goals", "Referrals", "Encounters" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"ReportKey\" = abs(random()) % 1048576;");
            }

            migrationBuilder.CreateTable(
                name: "FirstPrints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Protected = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrintedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirstPrints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FirstPrints_From_To_Scope_Protected",
                table: "FirstPrints",
                columns: new[] { "From", "To", "Scope", "Protected" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FirstPrints");

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
