using System;
using Lotse.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    [DbContext(typeof(PostgresLotseDbContext))]
    [Migration("20261203092233_ReportKeysAndFirstPrints")]
    public partial class ReportKeysAndFirstPrints : Migration
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

            migrationBuilder.CreateTable(
                name: "FirstPrints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Protected = table.Column<bool>(type: "boolean", nullable: false),
                    PrintedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false)
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
