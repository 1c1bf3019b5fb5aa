using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesPerf.Web.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
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
