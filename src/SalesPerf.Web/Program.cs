using SalesPerf.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesPerf();

var app = builder.Build();
await app.InitializeSalesPerfAsync();
app.UseSalesPerf();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
