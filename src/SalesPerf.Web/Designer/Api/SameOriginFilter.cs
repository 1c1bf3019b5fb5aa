namespace SalesPerf.Web.Designer.Api;

/// <summary>
/// Refuses cross-site calls to the Studio API. The session cookie is SameSite=Lax, which already keeps it off most
/// cross-site requests; this also refuses any request a browser marks as coming from another site or origin.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = site.Length > 0 && site is not ("same-origin" or "none");
        var foreignOrigin = origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        if (crossSite || foreignOrigin)
            return ValueTask.FromResult<object?>(Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site requests to the designer API are refused."));
        return next(context);
    }
}
