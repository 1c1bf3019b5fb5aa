using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>What an approval link stands for: one approver deciding one submission of one stage run, until it expires.</summary>
public sealed record ApprovalGrant(Guid DealId, int SubmissionNo, string ApproverId, string StageKey, int Run, DateTimeOffset ExpiresAt);

public enum LinkProblem { None, Malformed, Forged, Expired }

/// <summary>
/// Signs and checks approval links: the grant's fields, HMAC-SHA256 with a key generated once and kept in the
/// database (so every app node accepts every node's links). The link carries no session and no secret of the user.
/// </summary>
public sealed class ApprovalLinks(SalesPerfDbContext db, IOptions<MailOptions> options, TimeProvider clock, ApprovalLinks.KeyHolder keys)
{
    private const string KeyName = "approval-link-key";

    public async Task<string> CreateTokenAsync(Guid dealId, int submissionNo, string approverId, string stageKey, int run, CancellationToken ct = default)
    {
        var grant = new ApprovalGrant(dealId, submissionNo, approverId, stageKey, run, clock.GetUtcNow() + options.Value.ApprovalLinkLifetime);
        var payload = Encoding.UTF8.GetBytes(string.Join('|', grant.DealId.ToString("N"), grant.SubmissionNo, grant.ApproverId, grant.StageKey, grant.Run,
            grant.ExpiresAt.ToUnixTimeSeconds()));
        var mac = HMACSHA256.HashData(await KeyAsync(ct), payload);
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(mac)}";
    }

    public string UrlFor(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/MailLinks/Decide?t={Uri.EscapeDataString(token)}";

    public async Task<(ApprovalGrant? Grant, LinkProblem Problem)> ReadAsync(string? token, CancellationToken ct = default)
    {
        var parts = (token ?? "").Split('.');
        byte[] payload, mac;
        try
        {
            if (parts.Length != 2) return (null, LinkProblem.Malformed);
            payload = WebEncoders.Base64UrlDecode(parts[0]);
            mac = WebEncoders.Base64UrlDecode(parts[1]);
        }
        catch (FormatException)
        {
            return (null, LinkProblem.Malformed);
        }
        var key = await KeyAsync(ct);
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
            return (null, LinkProblem.Forged);
        var f = Encoding.UTF8.GetString(payload).Split('|');
        if (f.Length != 6 || !Guid.TryParseExact(f[0], "N", out var dealId) || !int.TryParse(f[1], out var no) || !int.TryParse(f[4], out var run)
            || !long.TryParse(f[5], out var expires))
            return (null, LinkProblem.Malformed);
        var grant = new ApprovalGrant(dealId, no, f[2], f[3], run, DateTimeOffset.FromUnixTimeSeconds(expires));
        return grant.ExpiresAt < clock.GetUtcNow() ? (grant, LinkProblem.Expired) : (grant, LinkProblem.None);
    }

    /// <summary>The signing key, read once per process (it never changes once created).</summary>
    public sealed class KeyHolder
    {
        public byte[]? Key { get; set; }
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct) => keys.Key ??= await LoadOrCreateKeyAsync(ct);

    private async Task<byte[]> LoadOrCreateKeyAsync(CancellationToken ct)
    {
        var secrets = db.Set<AppSecretRecord>();
        if (await secrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, ct) is { } existing)
            return Convert.FromBase64String(existing.Value);
        secrets.Add(new AppSecretRecord { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node created it first: use theirs
        return Convert.FromBase64String((await secrets.AsNoTracking().SingleAsync(s => s.Name == KeyName, ct)).Value);
    }
}
