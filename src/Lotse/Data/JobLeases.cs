using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Data;

/// <summary>
/// A lease on a background job, held in the database so that of several app nodes only one runs
/// the job at a time; a crashed holder's lease simply runs out.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }

    public string? Holder { get; set; }

    public DateTime Until { get; set; }

    /// <summary>When the job last completed, so that a daily job runs once a day across nodes.</summary>
    public DateTime? LastCompletedAt { get; set; }
}

/// <summary>Database leases for background jobs (see <see cref="JobLease"/>).</summary>
public sealed class JobLeases(LotseDbContext db, TimeProvider time)
{
    /// <summary>Takes the lease for <paramref name="duration"/> unless another holder has it; true when taken.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { Name = name, Until = DateTime.MinValue });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it at the same moment; the update below decides.
            }

            db.ChangeTracker.Clear();
        }

        var until = now + duration;
        // One conditional update: of several nodes exactly one sees a row affected.
        return await db.JobLeases.Where(l => l.Name == name && (l.Until < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), cancellationToken) == 1;
    }

    public async Task<DateTime?> LastCompletedAsync(string name, CancellationToken cancellationToken) =>
        await db.JobLeases.Where(l => l.Name == name).Select(l => l.LastCompletedAt).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Records completion and gives the lease up.</summary>
    public async Task CompleteAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCompletedAt, now).SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.Until, DateTime.MinValue), cancellationToken);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(50);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}
