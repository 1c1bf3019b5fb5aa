using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Evaluations;

/// <summary>What a pack download link stands for: one manager's team pack for one period, in a language, until it expires.</summary>
public sealed record PackGrant(Guid TeamId, string ManagerId, EvaluationPeriod Period, string Language, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed download links for the monthly team pack (the outbox carries no attachments): the grant's fields signed with
/// HMAC-SHA256 under a key generated once and kept in the database, so every app node accepts every node's links.
/// </summary>
public sealed class ReportLinks(SalesPerfDbContext db, IOptions<MailOptions> mail, IOptions<ReportOptions> options, TimeProvider clock, ReportLinks.KeyHolder keys)
{
    private const string KeyName = "report-link-key";

    public sealed class KeyHolder
    {
        public byte[]? Key { get; set; }
    }

    public async Task<string> UrlAsync(Guid teamId, string managerId, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        var expires = clock.GetUtcNow() + options.Value.PackLinkLifetime;
        var payload = Encoding.UTF8.GetBytes(string.Join('|', teamId.ToString("N"), managerId, period.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            period.End.ToString("yyyyMMdd", CultureInfo.InvariantCulture), language, expires.ToUnixTimeSeconds()));
        var token = $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(await KeyAsync(ct), payload))}";
        return $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/reports/pack?t={Uri.EscapeDataString(token)}";
    }

    /// <summary>The grant, or null for a malformed, forged or expired link.</summary>
    public async Task<PackGrant?> ReadAsync(string? token, CancellationToken ct = default)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2) return null;
        byte[] payload, mac;
        try
        {
            payload = WebEncoders.Base64UrlDecode(parts[0]);
            mac = WebEncoders.Base64UrlDecode(parts[1]);
        }
        catch (FormatException) { return null; }
        var expected = HMACSHA256.HashData(await KeyAsync(ct), payload);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected)) return null;
        var f = Encoding.UTF8.GetString(payload).Split('|');
        if (f.Length != 6 || !Guid.TryParseExact(f[0], "N", out var team)
            || !DateOnly.TryParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(f[3], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || !long.TryParse(f[5], CultureInfo.InvariantCulture, out var expires) || end <= start)
            return null;
        var grant = new PackGrant(team, f[1], new EvaluationPeriod(start, end), f[4], DateTimeOffset.FromUnixTimeSeconds(expires));
        return grant.ExpiresAt < clock.GetUtcNow() ? null : grant;
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct) => keys.Key ??= await LoadOrCreateKeyAsync(ct);

    private async Task<byte[]> LoadOrCreateKeyAsync(CancellationToken ct)
    {
        var secrets = db.Set<AppSecretRecord>();
        if (await secrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, ct) is { } existing) return Convert.FromBase64String(existing.Value);
        secrets.Add(new AppSecretRecord { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node created it first: use theirs
        return Convert.FromBase64String((await secrets.AsNoTracking().SingleAsync(s => s.Name == KeyName, ct)).Value);
    }
}
