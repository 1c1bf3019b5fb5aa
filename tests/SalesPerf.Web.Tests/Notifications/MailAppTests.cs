using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>A test class with the real app wired to a real SMTP server on 127.0.0.1, both fresh for each test.</summary>
public abstract class MailAppTests(Func<TestDatabase> database) : IAsyncLifetime
{
    protected SmtpSink Smtp { get; } = new();
    protected TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await new TestApp(database()).WithSmtp(Smtp).StartAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        App.Database.Dispose();
        Smtp.Dispose();
    }

    /// <summary>The same database and clock in a new app instance: a restart, or a second node.</summary>
    protected Task<TestApp> AnotherNodeAsync() => new TestApp(App.Database, App.Clock).WithSmtp(Smtp).StartAsync();
}
