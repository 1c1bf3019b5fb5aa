using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesPerf.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClosedPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReopenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReopenedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReopenReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClosedPeriodReps",
                columns: table => new
                {
                    ClosedPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    RepId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Subject = table.Column<string>(type: "character varying(460)", maxLength: 460, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedPeriodReps", x => new { x.ClosedPeriodId, x.RepId });
                    table.ForeignKey(
                        name: "FK_ClosedPeriodReps_ClosedPeriods_ClosedPeriodId",
                        column: x => x.ClosedPeriodId,
                        principalTable: "ClosedPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClosedPeriodSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(460)", maxLength: 460, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedPeriodSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosedPeriodSnapshots_ClosedPeriods_ClosedPeriodId",
                        column: x => x.ClosedPeriodId,
                        principalTable: "ClosedPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClosedPeriods_Start_End_Version",
                table: "ClosedPeriods",
                columns: new[] { "Start", "End", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClosedPeriodSnapshots_ClosedPeriodId_Subject_Language",
                table: "ClosedPeriodSnapshots",
                columns: new[] { "ClosedPeriodId", "Subject", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedPeriodReps");

            migrationBuilder.DropTable(
                name: "ClosedPeriodSnapshots");

            migrationBuilder.DropTable(
                name: "ClosedPeriods");
        }
    }
}
