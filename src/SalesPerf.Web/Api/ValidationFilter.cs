using FluentValidation;

namespace SalesPerf.Web.Api;

/// <summary>Runs the FluentValidation validator of a minimal-API body and answers 400 problem details with field errors.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null)
            return Results.Problem(statusCode: 400, title: "The request body is missing or is not valid JSON.");
        var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>();
        if (validator is null) return await next(context);
        var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);
        var errors = result.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return Results.ValidationProblem(errors, title: "Some fields are not valid.");
    }

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
}

public static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
