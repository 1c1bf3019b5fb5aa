using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesPerf.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DealNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    Data = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealNotices_CreatedAt",
                table: "DealNotices",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DealNotices_Key",
                table: "DealNotices",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealNotices");
        }
    }
}
