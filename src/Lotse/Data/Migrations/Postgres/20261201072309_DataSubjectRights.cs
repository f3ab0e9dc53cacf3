using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataSubjectRights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "Clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalHoldReason",
                table: "Clients",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LegalHoldSince",
                table: "Clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "LinkDigest",
                table: "AuditEntries",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Anonymisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    Documents = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anonymisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UploadedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Holder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastCompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DocumentContents",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentContents", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_DocumentContents_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Anonymisations_At",
                table: "Anonymisations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CaseId",
                table: "Documents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ClientId_UploadedAt",
                table: "Documents",
                columns: new[] { "ClientId", "UploadedAt" });

            // The audit chain now hashes a digest of the record and client ids instead of the ids
            // (ADR 011), so that erasure can drop the ids. Entries sealed the old way are sealed anew;
            // the trigger allows that once here, then only the sealing update and dropping the ids.
            migrationBuilder.Sql("""
                ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_append_only;
                UPDATE "AuditEntries" SET "Sequence" = NULL, "PreviousHash" = NULL, "Hash" = NULL;
                ALTER TABLE "AuditEntries" ENABLE TRIGGER audit_append_only;
                CREATE OR REPLACE FUNCTION lotse_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'AuditEntries are append-only: % refused', TG_OP;
                    END IF;
                    IF NEW."Id" <> OLD."Id" OR NEW."At" <> OLD."At" OR NEW."Operation" <> OLD."Operation"
                        OR NEW."UserId" IS DISTINCT FROM OLD."UserId" OR NEW."OrganizationId" IS DISTINCT FROM OLD."OrganizationId"
                        OR NEW."EntityType" <> OLD."EntityType" OR NEW."Fields" IS DISTINCT FROM OLD."Fields"
                        OR NEW."Channel" IS DISTINCT FROM OLD."Channel"
                        OR (NEW."EntityId" IS NOT NULL AND NEW."EntityId" IS DISTINCT FROM OLD."EntityId")
                        OR (NEW."ClientId" IS NOT NULL AND NEW."ClientId" IS DISTINCT FROM OLD."ClientId")
                        OR (OLD."Sequence" IS NOT NULL AND (NEW."Sequence" IS DISTINCT FROM OLD."Sequence"
                            OR NEW."PreviousHash" IS DISTINCT FROM OLD."PreviousHash" OR NEW."Hash" IS DISTINCT FROM OLD."Hash"
                            OR NEW."LinkDigest" IS DISTINCT FROM OLD."LinkDigest")) THEN
                        RAISE EXCEPTION 'AuditEntries are append-only: entry % may only be sealed once and unlinked from a person', OLD."Id";
                    END IF;
                    RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION lotse_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'AuditEntries are append-only: % refused', TG_OP;
                    END IF;
                    IF OLD."Sequence" IS NOT NULL
                        OR NEW."Id" <> OLD."Id" OR NEW."At" <> OLD."At" OR NEW."Operation" <> OLD."Operation"
                        OR NEW."UserId" IS DISTINCT FROM OLD."UserId" OR NEW."OrganizationId" IS DISTINCT FROM OLD."OrganizationId"
                        OR NEW."EntityType" <> OLD."EntityType" OR NEW."EntityId" IS DISTINCT FROM OLD."EntityId"
                        OR NEW."ClientId" IS DISTINCT FROM OLD."ClientId" OR NEW."Fields" IS DISTINCT FROM OLD."Fields"
                        OR NEW."Channel" IS DISTINCT FROM OLD."Channel" THEN
                        RAISE EXCEPTION 'AuditEntries are append-only: entry % may only be sealed once', OLD."Id";
                    END IF;
                    RETURN NEW;
                END $$;
                """);

            migrationBuilder.DropTable(
                name: "Anonymisations");

            migrationBuilder.DropTable(
                name: "DocumentContents");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "LegalHoldReason",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "LegalHoldSince",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LinkDigest",
                table: "AuditEntries");
        }
    }
}
