using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>A submitted deliverable shown against its stage's criteria; files link to the access-checked download.</summary>
public sealed record DeliverableView(Guid DealId, Stage Stage, Deliverable Deliverable)
{
    /// <summary>Stored names are "{deal}/{file id}.{ext}": the id is what the download endpoint takes.</summary>
    public string DownloadUrl(SubmittedFile file) =>
        Guid.TryParse(Path.GetFileNameWithoutExtension(file.StoredName), out var fileId) ? $"/api/deals/{DealId}/files/{fileId}" : "#";
}
