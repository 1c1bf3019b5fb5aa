using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Web.Hosting;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Files;

public sealed record UploadResult(UploadedFileRecord? File, string? Error);

/// <summary>
/// Keeps deliverable files on disk under data/uploads/{deal}/{generated id}; the user's file name is only
/// metadata, so no name can reach outside the folder.
/// </summary>
public sealed class FileStore(SalesPerfDbContext db, IWebHostEnvironment env, IOptions<SalesPerfOptions> options, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private string Root => Path.Combine(env.ContentRootPath, options.Value.DataPath, "uploads");

    public async Task<UploadResult> SaveAsync(Guid dealId, string fieldKey, IFormFile upload, string userId, IReadOnlyList<string> allowedTypes, CancellationToken ct)
    {
        var fileName = Path.GetFileName(upload.FileName.Replace('\\', '/'));
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (fileName.Length is 0 or > 200) return new(null, "The file needs a name of at most 200 characters.");
        if (upload.Length == 0) return new(null, $"{fileName} is empty.");
        if (upload.Length > MaxBytes) return new(null, $"{fileName} is larger than {MaxBytes / 1024 / 1024} MB.");
        if (!allowedTypes.Contains(extension)) return new(null, $"{fileName}: only {string.Join(", ", allowedTypes)} files are accepted here.");

        var head = new byte[16];
        await using (var peek = upload.OpenReadStream())
        {
            var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (!FileSniffer.Matches(extension, head.AsSpan(0, read)))
                return new(null, $"{fileName} is not really a .{extension} file.");
        }
        if (OfficePackage.IsPackage(extension))
        {
            await using var package = upload.OpenReadStream();
            if (OfficePackage.Check(package) is { } problem) return new(null, $"{fileName} is not accepted: {problem}.");
        }

        var id = Guid.NewGuid();
        var folder = Path.Combine(Root, dealId.ToString("N"));
        Directory.CreateDirectory(folder);
        var stored = $"{dealId:N}/{id:N}.{extension}";
        var temp = Path.Combine(folder, $"{id:N}.tmp");
        await using (var target = File.Create(temp))
        await using (var source = upload.OpenReadStream())
            await source.CopyToAsync(target, ct);
        File.Move(temp, Path.Combine(Root, stored));

        var record = new UploadedFileRecord
        {
            Id = id, DealId = dealId, FieldKey = fieldKey, FileName = fileName, StoredName = stored,
            ContentType = FileSniffer.MimeTypes[extension], SizeBytes = upload.Length, UploadedBy = userId, UploadedAt = clock.GetUtcNow(),
        };
        db.UploadedFiles.Add(record);
        await db.SaveChangesAsync(ct);
        return new(record, null);
    }

    /// <summary>The submitted-file entries for uploads of this deal; unknown ids are left out (and fail validation as missing).</summary>
    public async Task<IReadOnlyList<SubmittedFile>> ResolveAsync(Guid dealId, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await db.UploadedFiles.AsNoTracking().Where(f => f.DealId == dealId && list.Contains(f.Id)).ToListAsync(ct);
        return rows.Select(f => new SubmittedFile(f.FieldKey, f.FileName, f.StoredName, f.SizeBytes, f.ContentType)).ToList();
    }

    public async Task<(UploadedFileRecord Record, string Path)?> FindAsync(Guid dealId, Guid fileId, CancellationToken ct)
    {
        var row = await db.UploadedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DealId == dealId && f.Id == fileId, ct);
        return row is null ? null : (row, Path.Combine(Root, row.StoredName));
    }
}
