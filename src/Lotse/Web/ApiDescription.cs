using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lotse.Web;

/// <summary>How an endpoint takes part in optimistic concurrency (ADR 016): it answers an ETag, and takes If-Match required or optional.</summary>
public sealed record ConcurrencyMetadata(bool ReturnsETag, bool? IfMatchRequired);

public static class ConcurrencyMetadataExtensions
{
    /// <summary>The answer carries the record's version as <c>ETag</c>.</summary>
    public static RouteHandlerBuilder ReturnsETag(this RouteHandlerBuilder builder) => builder.WithMetadata(new ConcurrencyMetadata(true, null));

    /// <summary>Changes only with <c>If-Match</c> (428 without, 412 when stale); answers the new ETag.</summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) => builder.WithMetadata(new ConcurrencyMetadata(true, true));

    /// <summary>With <c>If-Match</c> the change is made only on that version (412 otherwise).</summary>
    public static RouteHandlerBuilder AcceptsIfMatch(this RouteHandlerBuilder builder) => builder.WithMetadata(new ConcurrencyMetadata(false, false));
}

/// <summary>
/// Completes the OpenAPI document for a neighbouring system (issue 20): licence, the Bearer scheme and where it is needed,
/// every error answer as an RFC 9457 problem, If-Match and ETag where the endpoint uses them, an operationId for each
/// operation and a description for each tag. Checked by Redocly's recommended rules in the test command.
/// </summary>
public sealed class ApiDescription : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string BearerScheme = "token";

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["v1"] = "The caller: who the token belongs to and what it may do.",
        ["Clients"] = "Clients (personal data): search, registration with the duplicate check, residence status history, restriction of processing.",
        ["Cases"] = "Cases from clearing to closure: phases, assessments, goals, contacts and deadlines.",
        ["Offers"] = "The service directory as Lotse's own model, and its HSDS import.",
        ["Consents"] = "Consents per recipient, purpose and data category; withdrawal takes effect at once.",
        ["Referrals"] = "Referrals: the sender's side on the case, the recipient's inbox and answers.",
        ["Audit"] = "The tamper-evident audit log, for the data protection officer.",
        ["Documents"] = "Encrypted documents on a client's file.",
        ["Retention"] = "Retention periods, anonymisation and the Art. 15 GDPR export.",
        ["Reports"] = "The KIM report with its small-number protection.",
        ["HSDS 3.0"] = "The public service directory as Open Referral HSDS 3.0: anonymous, cross-origin, no personal data.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        Complete(document);
        if (context.DocumentName != "v1")
        {
            return Task.CompletedTask;
        }

        document.Info.Title = "Lotse API";
        document.Info.Description = "Case management for the Kommunales Integrationsmanagement (KIM) NRW. Every /api/v1 call needs a personal access " +
            "token (`tokens create`, or the page Zugangstoken) as `Authorization: Bearer …`; errors are RFC 9457 problem documents.";
        document.Info.License = new OpenApiLicense { Name = "EUPL-1.2", Identifier = "EUPL-1.2" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token of a Lotse user; it acts with that user's role and organisation, and every use is audited.",
        };
        return Task.CompletedTask;
    }

    /// <summary>What every document of Lotse gets: tags with descriptions and an operationId per operation.</summary>
    private static void Complete(OpenApiDocument document)
    {

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = Tags.GetValueOrDefault(name, name),
        }));

        // operationIds are derived from method and path; one that would repeat gets a number.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var id = operation.OperationId ?? OperationId(method.Method, path);
                for (var n = 2; !seen.Add(id); n++)
                {
                    id = OperationId(method.Method, path) + n.ToString(CultureInfo.InvariantCulture);
                }

                operation.OperationId = id;
            }
        }
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = context.Description.RelativePath ?? string.Empty;
        operation.Responses ??= [];
        operation.Summary ??= operation.Description ?? Fallback(context.Description.HttpMethod, path);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (anonymous)
        {
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            operation.Responses.TryAdd("401", Problem("No valid token: missing, unknown, expired or revoked."));
            operation.Responses.TryAdd("403", Problem("The token's user may not do this (role, organisation, or two-factor authentication required)."));
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            operation.Responses.TryAdd("404", Problem("Not found, or not visible to the caller (a record the caller may not see is not found)."));
        }

        operation.Responses.TryAdd("400", Problem("A value that cannot be read or a broken rule: the problem names the field."));
        if (operation.Responses.TryGetValue("400", out var bad) && bad is OpenApiResponse badResponse && badResponse.Content is null or { Count: 0 })
        {
            badResponse.Content = ProblemContent();
        }

        if (metadata.OfType<ConcurrencyMetadata>().LastOrDefault() is { } concurrency)
        {
            if (concurrency.IfMatchRequired is { } required)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = required,
                    Description = required
                        ? "The ETag of the last read (e.g. \"3\"). Without it 428, with an older one 412: nothing is overwritten unseen."
                        : "Optional: the ETag of the last read; the change is then made only on that version (412 otherwise).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                operation.Responses.TryAdd("412", Problem("The record changed since it was read: read it again and repeat the change."));
                if (required)
                {
                    operation.Responses.TryAdd("428", Problem("If-Match is missing."));
                }
            }

            if (concurrency.ReturnsETag)
            {
                foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
                {
                    if (response is OpenApiResponse ok)
                    {
                        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        ok.Headers["ETag"] = new OpenApiHeader
                        {
                            Description = "The record's version, for If-Match on the next change.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        };
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new() { Description = description, Content = ProblemContent() };

    /// <summary>RFC 9457 problem details, as ASP.NET Core writes them (validation problems add <c>errors</c> by field).</summary>
    private static Dictionary<string, OpenApiMediaType> ProblemContent() => new()
    {
        ["application/problem+json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "For 400: the messages per field or parameter.",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            },
        },
    };

    /// <summary>getCasesIdGoals for GET api/v1/cases/{id}/goals: the method, then each path segment without the prefix.</summary>
    private static string OperationId(string method, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(s => s is "api").SkipWhile(s => s is "v1")
            .Select(s => s.Trim('{', '}').Split(':')[0])
            .SelectMany(s => s.Split('-', '_'))
            .Where(s => s.Length > 0)
            .Select(s => char.ToUpperInvariant(s[0]) + s[1..]);
        return method.ToLowerInvariant() + string.Concat(segments);
    }

    private static string Fallback(string? method, string path) => $"{method} /{path}";
}
