using System.Security.Cryptography;
using Lotse.Data;
using Lotse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Web;

/// <summary>
/// <c>Idempotency-Key</c> on every API POST (IETF httpapi draft, ADR 016). The request runs in one
/// transaction together with the record of its answer, so after a dropped connection — or the
/// server killed between commit and answer — a repeat with the same key finds either nothing
/// (nothing was written; it is carried out now) or the stored answer (it is returned, nothing is
/// written twice). The same key with another request is 422; a repeat while the first is still
/// running is 409. Keys belong to the user; answers other than 2xx are not kept (nothing was written,
/// so a corrected request may use the same key).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    private const int MaxStoredBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, LotseDbContext db, TimeProvider time, IOptions<LotseOptions> options)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api")
            || !request.Headers.TryGetValue(IdempotencyKeys.Header, out var values) || context.User.GetUserId() is not { } userId)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyKeys.MaxLength || key.Any(char.IsControl))
        {
            await TypedResults.Problem(
                title: "Idempotency-Key ungültig",
                detail: $"Der Header Idempotency-Key kommt einmal vor und hat 1 bis {IdempotencyKeys.MaxLength} druckbare Zeichen, z. B. eine UUID.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var hash = await HashAsync(request, context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.ExpiresAt > now, context.RequestAborted);
        if (stored is not null)
        {
            await transaction.RollbackAsync(context.RequestAborted);
            await ReplayAsync(context, stored, hash);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        try
        {
            if (!await StoreAsync(context, db, transaction, userId, key, hash, now, buffer, options.Value.Api.IdempotencyKeyHours))
            {
                return;
            }
        }
        catch (Exception exception) when (!DatabaseFailures.IsConflict(exception) && !context.RequestAborted.IsCancellationRequested
            && (DatabaseFailures.IsTransient(exception) || db.Database.GetDbConnection().State != System.Data.ConnectionState.Open
                || exception is InvalidOperationException { Message: "Transaction is already completed" }))
        {
            // The connection broke after the endpoint's work: whether it is committed is unknown, so the
            // answer is "try again" (503), and the repeat with the same key finds out.
            throw new DatabaseUnavailableException("The connection broke while the request's transaction was finished.", exception);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Stores a 2xx answer with its key and commits; false when the answer is already written (a concurrent repeat).</summary>
    private static async Task<bool> StoreAsync(HttpContext context, LotseDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        Guid userId, string key, string hash, DateTime now, MemoryStream buffer, int hours)
    {
        var response = context.Response;
        // Every API answer is JSON; anything else, or over 1 MB, is answered but not kept (a repeat runs again).
        if (response.StatusCode is >= 200 and < 300 && buffer.Length <= MaxStoredBytes
            && (response.ContentType is null || response.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            // What the endpoint left unsaved was never going to be saved; only the record is.
            db.ChangeTracker.Clear();
            await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(context.RequestAborted);
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                UserId = userId,
                Key = key,
                RequestHash = hash,
                StatusCode = response.StatusCode,
                ContentType = response.ContentType,
                Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                Body = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
                CreatedAt = now,
                ExpiresAt = now.AddHours(hours),
            });
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException exception) when (DatabaseFailures.IsConflict(exception))
            {
                // The same key committed by a request that ran at the same time: this one's write is rolled back.
                await transaction.RollbackAsync(context.RequestAborted);
                response.Clear();
                await TypedResults.Problem(
                    title: "Anfrage läuft bereits",
                    detail: "Eine Anfrage mit diesem Idempotency-Key wurde gleichzeitig bearbeitet. Wiederholen Sie sie, um deren Antwort zu erhalten.",
                    statusCode: StatusCodes.Status409Conflict).ExecuteAsync(context);
                return false;
            }
        }

        await transaction.CommitAsync(context.RequestAborted);
        return true;
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord stored, string hash)
    {
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored.RequestHash), Convert.FromHexString(hash)))
        {
            await TypedResults.Problem(
                title: "Idempotency-Key schon verwendet",
                detail: "Dieser Idempotency-Key gehört zu einer anderen Anfrage. Verwenden Sie für jede neue Anfrage einen neuen Schlüssel.",
                statusCode: StatusCodes.Status422UnprocessableEntity).ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers["Idempotent-Replayed"] = "true";
        await response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(stored.Body), context.RequestAborted);
    }

    /// <summary>SHA-256 over method, path, query and body; the body stays readable for the endpoint.</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
