using System.Text.Json;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Reports;

/// <summary>
/// The figures of a past period as they were first printed (issue 21): a report of a month, quarter,
/// half-year or year that has ended is computed as of its end, so printing it again gives the same
/// figures — unless data about the period was corrected since (a case entered late, a closing date
/// put right) or a figure that is a current value changed (a goal's result, a person's sex, birth
/// year, nationality or district: no history is kept). Then the report lists what changed. Only the texts shown are kept (a hidden cell's
/// number is not), per period, scope and whether the figures left the organisation.
/// </summary>
public sealed class FirstPrint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>"all", or the organisation's and the district's id.</summary>
    public required string Scope { get; set; }

    /// <summary>Whether the figures are those that leave the organisation (perturbed, small numbers hidden).</summary>
    public bool Protected { get; set; }

    public DateTime PrintedAt { get; set; }

    /// <summary>JSON: figure id (table.key) → the text shown.</summary>
    public required string Figures { get; set; }
}

internal sealed class FirstPrintConfiguration : IEntityTypeConfiguration<FirstPrint>
{
    public void Configure(EntityTypeBuilder<FirstPrint> builder)
    {
        builder.ToTable("FirstPrints");
        builder.Property(p => p.Scope).HasMaxLength(100);
        builder.HasIndex(p => new { p.From, p.To, p.Scope, p.Protected }).IsUnique();
    }
}

/// <summary>A figure whose shown text changed since the period was first printed.</summary>
public sealed record Correction(string Table, string Label, string First, string Now);

public sealed class FirstPrints(LotseDbContext db, TimeProvider time)
{
    /// <summary>
    /// The report with the date it was first printed and what was corrected since; the first print of
    /// a past period of the grid is recorded. Reports of a period not yet over, or off the grid (a team
    /// lead's own figures for any dates), are returned as they are.
    /// </summary>
    public async Task<KimReportData> CompareAsync(KimReportData report, ReportScope scope, CancellationToken cancellationToken)
    {
        if (report.To >= ReportPeriod.Today(time) || !ReportPeriod.OnGrid(report.From, report.To))
        {
            return report;
        }

        var key = scope.OrganizationId is null && scope.DistrictId is null ? "all" : $"{scope.OrganizationId}/{scope.DistrictId}";
        var figures = Figures(report);
        var first = await FindAsync(report, key, cancellationToken);
        if (first is null)
        {
            var print = new FirstPrint
            {
                From = report.From,
                To = report.To,
                Scope = key,
                Protected = report.Suppressed,
                // Whole seconds: what the page shows, and the same on every later print whatever the database's precision.
                PrintedAt = TruncatedToSeconds(time.GetUtcNow().UtcDateTime),
                Figures = JsonSerializer.Serialize(figures),
            };
            db.Add(print);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return report with { FirstPrintedAt = print.PrintedAt };
            }
            catch (DbUpdateException)
            {
                // Printed at the same moment by someone else: theirs is the first. Anything else (a locked or lost
                // database) goes on to the central handling (503).
                db.Entry(print).State = EntityState.Detached;
                first = await FindAsync(report, key, cancellationToken);
                if (first is null)
                {
                    throw;
                }
            }
        }

        var before = JsonSerializer.Deserialize<Dictionary<string, string>>(first.Figures) ?? [];
        // The earlier text of a figure hidden now is not repeated beside it: the two together were never audited.
        var labels = report.Tables.SelectMany(t => t.Rows.Append(t.Total).OfType<Cell>().Select(c => (Id: $"{t.Key}.{c.Key}", t.Title, c.Label, c.Hidden))).ToDictionary(x => x.Id);
        var corrections = before.Keys.Union(figures.Keys)
            .Where(id => before.GetValueOrDefault(id) != figures.GetValueOrDefault(id))
            .Select(id => labels.TryGetValue(id, out var label)
                ? new Correction(label.Title, label.Label, label.Hidden ? "…" : before.GetValueOrDefault(id, "–"), figures.GetValueOrDefault(id, "–"))
                : new Correction(id, id, before.GetValueOrDefault(id, "–"), "–"))
            .ToList();
        return report with { FirstPrintedAt = DateTime.SpecifyKind(first.PrintedAt, DateTimeKind.Utc), Corrections = corrections };
    }

    private Task<FirstPrint?> FindAsync(KimReportData report, string key, CancellationToken cancellationToken) =>
        db.Set<FirstPrint>().AsNoTracking().SingleOrDefaultAsync(p => p.From == report.From && p.To == report.To && p.Scope == key && p.Protected == report.Suppressed, cancellationToken);

    private static Dictionary<string, string> Figures(KimReportData report) =>
        report.Tables.SelectMany(t => t.Rows.Append(t.Total).OfType<Cell>().Select(c => (Id: $"{t.Key}.{c.Key}", c.Shown))).ToDictionary(x => x.Id, x => x.Shown);

    private static DateTime TruncatedToSeconds(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
