using Lotse.Data;
using Lotse.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Barriers;

/// <summary>Recording barriers from cases, and the coordination office's review: status and merging.</summary>
public sealed class BarrierService(LotseDbContext db, TimeProvider time)
{
    /// <summary>Barriers a case manager can attach a case to: not merged, not done.</summary>
    public Task<List<Barrier>> OpenAsync(CancellationToken cancellationToken) =>
        db.Barriers.AsNoTracking().Where(b => b.MergedIntoId == null && b.Status != BarrierStatus.Done).OrderBy(b => b.Institution).ToListAsync(cancellationToken);

    public async Task<Barrier> RecordAsync(Case @case, BarrierCategory category, string? institution, string? description, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(institution))
        {
            throw new RuleViolationException("institution", "Bitte nennen Sie die Stelle oder das Angebot.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new RuleViolationException("description", "Bitte beschreiben Sie die Hürde – ohne Namen oder andere Angaben zur Person.");
        }

        var barrier = new Barrier
        {
            Category = category,
            Institution = institution.Trim()[..Math.Min(institution.Trim().Length, 200)],
            Description = description.Trim()[..Math.Min(description.Trim().Length, 2000)],
            CreatedByOrganizationId = @case.OrganizationId,
        };
        barrier.Cases.Add(new BarrierCase { CaseId = @case.Id, At = time.GetUtcNow().UtcDateTime });
        db.Barriers.Add(barrier);
        await db.SaveChangesAsync(cancellationToken);
        return barrier;
    }

    public async Task AttachAsync(Case @case, Guid barrierId, CancellationToken cancellationToken)
    {
        var barrier = await db.Barriers.SingleOrDefaultAsync(b => b.Id == barrierId && b.MergedIntoId == null, cancellationToken)
            ?? throw new RuleViolationException("barrierId", "Diesen Systemhinweis gibt es nicht (mehr).");
        if (!await db.BarrierCases.AnyAsync(l => l.BarrierId == barrier.Id && l.CaseId == @case.Id, cancellationToken))
        {
            db.BarrierCases.Add(new BarrierCase { BarrierId = barrier.Id, CaseId = @case.Id, At = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task SetStatusAsync(Guid barrierId, BarrierStatus status, CancellationToken cancellationToken)
    {
        var barrier = await db.Barriers.SingleOrDefaultAsync(b => b.Id == barrierId, cancellationToken)
            ?? throw new RuleViolationException("barrierId", "Diesen Systemhinweis gibt es nicht (mehr).");
        barrier.Status = status;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Merges a duplicate into another barrier: its cases count there from now on.</summary>
    public async Task MergeAsync(Guid duplicateId, Guid intoId, CancellationToken cancellationToken)
    {
        if (duplicateId == intoId)
        {
            throw new RuleViolationException("into", "Ein Systemhinweis kann nicht mit sich selbst zusammengeführt werden.");
        }

        var duplicate = await db.Barriers.Include(b => b.Cases).SingleOrDefaultAsync(b => b.Id == duplicateId && b.MergedIntoId == null, cancellationToken);
        var into = await db.Barriers.Include(b => b.Cases).SingleOrDefaultAsync(b => b.Id == intoId && b.MergedIntoId == null, cancellationToken);
        if (duplicate is null || into is null)
        {
            throw new RuleViolationException("into", "Diesen Systemhinweis gibt es nicht (mehr).");
        }

        foreach (var link in duplicate.Cases.Where(l => into.Cases.All(i => i.CaseId != l.CaseId)).ToList())
        {
            into.Cases.Add(new BarrierCase { CaseId = link.CaseId, At = link.At });
        }

        duplicate.Cases.Clear();
        duplicate.MergedIntoId = into.Id;
        duplicate.Status = BarrierStatus.Done;
        await db.SaveChangesAsync(cancellationToken);
    }
}
