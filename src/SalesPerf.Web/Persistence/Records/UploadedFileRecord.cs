namespace SalesPerf.Web.Persistence.Records;

/// <summary>A file a rep uploaded for a deal's deliverable, stored outside wwwroot under a generated name.</summary>
public sealed class UploadedFileRecord
{
    public Guid Id { get; set; }
    public Guid DealId { get; set; }
    public string FieldKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
