using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Hash",
                table: "AuditEntries",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            // Append-only (ADR 010): entries are never deleted, and an entry is updated once, when the
            // sealer chains it; after that no column may change. TRUNCATE is refused too.
            migrationBuilder.Sql("""
                CREATE FUNCTION lotse_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
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
                CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION lotse_audit_append_only();
                CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION lotse_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_no_truncate ON "AuditEntries";
                DROP TRIGGER IF EXISTS audit_append_only ON "AuditEntries";
                DROP FUNCTION IF EXISTS lotse_audit_append_only();
                """);

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEntries");
        }
    }
}
