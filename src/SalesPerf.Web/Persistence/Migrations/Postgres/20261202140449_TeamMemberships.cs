using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesPerf.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamMemberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TeamMemberships",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMemberships", x => new { x.UserId, x.From });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TeamMemberships_TeamId_From",
                table: "TeamMemberships",
                columns: new[] { "TeamId", "From" });

            // Backfill: everyone in a team today has been in it since before the history was kept (users carry no
            // creation date), one open row each (TeamMembershipRecord.Beginning).
            migrationBuilder.Sql(
                """
                INSERT INTO "TeamMemberships" ("UserId", "From", "TeamId", "To")
                SELECT "Id", DATE '2000-01-01', "TeamId", NULL FROM "AspNetUsers" WHERE "TeamId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamMemberships");
        }
    }
}
