using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Privacy;

public sealed record ErasureRequest(string? Reference);

public sealed record ErasureDto(DateTime AnonymisedAt, int Cases, int Documents);

public sealed record LegalHoldRequest(string? Reason);

public sealed record LegalHoldDto(bool Held, DateTime? Since, string? Reason, DateOnly? RetentionDue);

public sealed record RetentionMonth(string Month, int Persons);

public sealed record RetentionReport(DateOnly Today, int YearsAfterClosure, int DueNow, int Held, IReadOnlyList<RetentionMonth> Upcoming, int AnonymisedLast12Months);

/// <summary>Erasure (Art. 17), legal hold and retention over the API.</summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients/{id:guid}").RequireAuthorization(Policies.CaseWork).WithTags("Clients");
        clients.MapGet("/export", ExportAsync)
            .Produces<ClientExportData>()
            .WithSummary("Art. 15 GDPR: everything held about the person, with every case, consent and referral and who accessed the data. For the responsible case manager or a team lead; audited.");
        clients.MapPost("/erasure", EraseAsync)
            .WithSummary("Art. 17 GDPR: erases the person — names, contact data, documents, free texts and audit links — and keeps only the anonymous statistics. For the responsible case manager of one of the person's cases or the team lead of that case's team; cannot be undone.");
        clients.MapPost("/legal-hold", SetHoldAsync)
            .WithSummary("Sets a legal hold (with a reason without names): retention and erasure leave the person alone while it holds.");
        clients.MapDelete("/legal-hold", LiftHoldAsync)
            .WithSummary("Lifts the legal hold.");
        api.MapGet("/retention", RetentionReportAsync)
            .RequireAuthorization(Policies.DataProtection).WithTags("Retention")
            .WithSummary("Retention report for the data protection officer: due now, held, due per month of the next twelve, anonymised in the last twelve months. No personal data.");
        api.MapPost("/retention/run", RunRetentionAsync)
            .RequireAuthorization(Policies.DataProtection).WithTags("Retention")
            .WithSummary("Runs retention now (dryRun=true only counts).");
        return api;
    }

    private static async Task<Results<JsonHttpResult<ClientExportData>, NotFound>> ExportAsync(Guid id, HttpContext context, ClientExport export, ClientGate gate, AuditLog audit)
    {
        if (await gate.OpenAsync(id, ClientOperation.ExerciseRights, "art15", context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        var data = await export.BuildAsync(client, context.RequestAborted);
        await audit.RecordAsync(AuditOperation.Export, "ClientExport", client.Id, client.Id, "art15", context.RequestAborted);
        return TypedResults.Json(data, ExportModel.Json);
    }

    private static async Task<Results<Ok<ErasureDto>, NotFound>> EraseAsync(Guid id, ErasureRequest? body, HttpContext context, Anonymiser anonymiser, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.ExerciseRights, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        var record = await anonymiser.AnonymiseAsync(client.Id, AnonymisationKind.Erasure, body?.Reference, context.RequestAborted);
        return TypedResults.Ok(new ErasureDto(record.At, record.Cases, record.Documents));
    }

    private static Task<Results<Ok<LegalHoldDto>, NotFound>> SetHoldAsync(Guid id, LegalHoldRequest? body, HttpContext context, ClientService service, RetentionService retention, ClientGate gate) =>
        HoldAsync(id, body?.Reason ?? string.Empty, context, service, retention, gate);

    private static Task<Results<Ok<LegalHoldDto>, NotFound>> LiftHoldAsync(Guid id, HttpContext context, ClientService service, RetentionService retention, ClientGate gate) =>
        HoldAsync(id, null, context, service, retention, gate);

    private static async Task<Ok<RetentionReport>> RetentionReportAsync(HttpContext context, LotseDbContext db, RetentionService retention)
    {
        var today = retention.Today;
        var candidates = await retention.DueUntilAsync(today.AddMonths(12), context.RequestAborted);
        var since = today.AddMonths(-12).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var done = await db.Anonymisations.CountAsync(a => a.At >= since, context.RequestAborted);
        return TypedResults.Ok(new RetentionReport(today, retention.Years,
            candidates.Count(c => c.DueOn <= today && !c.LegalHold && !c.Restricted),
            candidates.Count(c => c.LegalHold || c.Restricted),
            [.. candidates.Where(c => c.DueOn > today).GroupBy(c => c.DueOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key).Select(g => new RetentionMonth(g.Key, g.Count()))],
            done));
    }

    private static async Task<Ok<RetentionRun>> RunRetentionAsync(bool? dryRun, HttpContext context, RetentionService retention, AuditLog audit)
    {
        var run = await retention.RunAsync(dryRun ?? false, context.RequestAborted);
        await audit.RecordAsync(AuditOperation.Update, "Retention", null, null, run.DryRun ? "dry-run" : "run", context.RequestAborted);
        return TypedResults.Ok(run);
    }

    private static async Task<Results<Ok<LegalHoldDto>, NotFound>> HoldAsync(Guid id, string? reason, HttpContext context, ClientService service, RetentionService retention, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.ExerciseRights, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        await service.SetLegalHoldAsync(client, reason, context.RequestAborted);
        return TypedResults.Ok(new LegalHoldDto(client.LegalHoldSince is not null, client.LegalHoldSince, client.LegalHoldReason, await retention.DueOnAsync(client.Id, context.RequestAborted)));
    }
}
