using SalesPerf.Web.Deals.Notices;

namespace SalesPerf.Web.Notifications;

public static class NotificationRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<DealMailContext>();
        services.AddScoped<Outbox>();
        services.AddScoped<MailSender>();
        services.AddScoped<Recipients>();
        services.AddScoped<ApprovalLinks>();
        services.AddSingleton<ApprovalLinks.KeyHolder>();
        services.AddScoped<ReminderSweeper>();
        services.AddScoped<MailDecisions>();
        services.AddScoped<WeeklyDigest>();
        services.AddSingleton<IDealNoticeRule, ApprovalNoticeRule>();
        services.AddScoped<IDealNoticeHandler, ApprovalMailer>();
        services.AddScoped<NoticeDispatcher>();
        services.AddHostedService<MailWorker>();
        return services;
    }
}
