using Lotse.Data;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lotse.Web;

/// <summary>Says in the OpenAPI document what ADR 016 promises every API POST: the optional Idempotency-Key, 409 and 503.</summary>
public sealed class ReliabilityOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod is not "POST" || context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Any 1–255 printable characters, e.g. a UUID, new for each new request. A repeat with the same key gets the stored answer " +
                "(header Idempotent-Replayed: true) and writes nothing again; the same key with another request is 422; kept 24 hours.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxLength },
        });
        operation.Responses ??= [];
        operation.Responses.TryAdd("409", new OpenApiResponse { Description = "Lost a race with another write (currentVersion and currentState in the problem), or the same Idempotency-Key is running; nothing saved." });
        operation.Responses.TryAdd("503", new OpenApiResponse { Description = "The database is unavailable for a moment; nothing saved. Retry after Retry-After seconds, with the same Idempotency-Key." });
        return Task.CompletedTask;
    }
}
