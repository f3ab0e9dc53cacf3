using Microsoft.EntityFrameworkCore.Migrations;
using Lotse.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;

#nullable disable

namespace Lotse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    [DbContext(typeof(PostgresLotseDbContext))]
    [Migration("20261204035548_HsdsExtras")]
    public partial class HsdsExtras : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HsdsExtras",
                table: "Offers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HsdsExtras",
                table: "OfferLocations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HsdsExtras",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "HsdsExtras",
                table: "OfferLocations");
        }
    }
}
