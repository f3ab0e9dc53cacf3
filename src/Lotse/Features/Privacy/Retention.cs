using System.Globalization;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Privacy;

/// <summary>A person whose retention period has run out or will run out, without anything that names them.</summary>
public sealed record RetentionCandidate(Guid ClientId, Guid OrganizationId, DateOnly DueOn, bool LegalHold, bool Restricted);

/// <summary>What a run did (or, dry, would do).</summary>
public sealed record RetentionRun(DateOnly Today, bool DryRun, int Due, int Anonymised, int HeldByLegalHold, int HeldByRestriction, IReadOnlyList<string> Failures);

/// <summary>
/// The retention rule: a person is anonymised once no case of theirs is open and the last closure
/// (or, without any case, the registration) lies <c>Lotse:Retention:YearsAfterClosure</c> years back —
/// unless a legal hold or a restriction of processing stops it.
/// </summary>
public sealed class RetentionService(LotseDbContext db, Anonymiser anonymiser, IOptions<LotseOptions> options, TimeProvider time)
{
    public int Years => options.Value.Retention.YearsAfterClosure;

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Everyone due up to <paramref name="until"/>, in one database query.</summary>
    public async Task<IReadOnlyList<RetentionCandidate>> DueUntilAsync(DateOnly until, CancellationToken cancellationToken)
    {
        var cutoff = until.AddYears(-Years);
        var cutoffInstant = cutoff.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.Clients.AsNoTracking()
            .Where(c => c.AnonymisedAt == null)
            .Where(c => !db.Cases.Any(k => k.ClosedOn == null && (k.ClientId == c.Id || k.Members.Any(m => m.ClientId == c.Id))))
            .Select(c => new
            {
                c.Id,
                c.OrganizationId,
                c.CreatedAt,
                Hold = c.LegalHoldSince != null,
                Restricted = c.RestrictedAt != null,
                LastClosed = db.Cases.Where(k => k.ClientId == c.Id || k.Members.Any(m => m.ClientId == c.Id)).Max(k => k.ClosedOn),
            })
            .Where(c => c.LastClosed != null ? c.LastClosed <= cutoff : c.CreatedAt < cutoffInstant)
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new RetentionCandidate(r.Id, r.OrganizationId, (r.LastClosed ?? DateOnly.FromDateTime(r.CreatedAt)).AddYears(Years), r.Hold, r.Restricted))
            .OrderBy(r => r.DueOn)];
    }

    /// <summary>When the person will be anonymised (null while a case is open or the person already is).</summary>
    public async Task<DateOnly?> DueOnAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var person = await db.Clients.AsNoTracking().Where(c => c.Id == clientId && c.AnonymisedAt == null)
            .Select(c => new
            {
                c.CreatedAt,
                Open = db.Cases.Any(k => k.ClosedOn == null && (k.ClientId == c.Id || k.Members.Any(m => m.ClientId == c.Id))),
                LastClosed = db.Cases.Where(k => k.ClientId == c.Id || k.Members.Any(m => m.ClientId == c.Id)).Max(k => k.ClosedOn),
            }).SingleOrDefaultAsync(cancellationToken);
        return person is null || person.Open ? null : (person.LastClosed ?? DateOnly.FromDateTime(person.CreatedAt)).AddYears(Years);
    }

    /// <summary>Anonymises everyone due today (each person in a transaction of their own); a dry run only counts.</summary>
    public async Task<RetentionRun> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var today = Today;
        var due = await DueUntilAsync(today, cancellationToken);
        var held = due.Count(d => d.LegalHold);
        var restricted = due.Count(d => d.Restricted && !d.LegalHold);
        var anonymised = 0;
        var failures = new List<string>();
        foreach (var candidate in due.Where(d => !d.LegalHold && !d.Restricted))
        {
            if (dryRun)
            {
                anonymised++;
                continue;
            }

            try
            {
                await anonymiser.AnonymiseAsync(candidate.ClientId, AnonymisationKind.Retention, null, cancellationToken);
                anonymised++;
            }
            catch (Exception failure) when (failure is RuleViolationException or DbUpdateException)
            {
                // Never a name in the output: the record id is what an operator can look up.
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{candidate.ClientId}: {failure.GetType().Name}"));
                db.ChangeTracker.Clear();
            }
        }

        return new RetentionRun(today, dryRun, due.Count, anonymised, held, restricted, failures);
    }
}

/// <summary>
/// Runs retention once a day. Every node wakes hourly; the lease and the completion date make
/// sure exactly one of them runs it, once a day.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<LotseOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string LeaseName = "retention";

    private readonly string holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at start-up: a node that starts is busy enough, and the first hour is as good as any.
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            if (!options.Value.Retention.JobEnabled)
            {
                continue;
            }

            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(logger, failure.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs retention when today's run is not done yet and this node gets the lease.</summary>
    public async Task<RetentionRun?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var zone = new LocalZone(time);
        var startOfToday = zone.StartOf(zone.Today);
        if (await leases.LastCompletedAsync(LeaseName, cancellationToken) is { } last && last >= startOfToday)
        {
            return null;
        }

        if (!await leases.TryAcquireAsync(LeaseName, holder, TimeSpan.FromHours(1), cancellationToken))
        {
            return null;
        }

        var run = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: false, cancellationToken);
        await leases.CompleteAsync(LeaseName, holder, cancellationToken);
        LogRun(logger, run.Due, run.Anonymised, run.HeldByLegalHold + run.HeldByRestriction, run.Failures.Count);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Due} due, {Anonymised} anonymised, {Held} held, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int due, int anonymised, int held, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
