using Lotse.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lotse.Data;

/// <summary>
/// The last line before the database, the same on SQLite and PostgreSQL: a text longer than its
/// column or holding a NUL character (which PostgreSQL cannot store) is refused with the field and
/// a German message, instead of a database error. Pages and the API validate earlier where they
/// can; this catches whatever they did not.
/// </summary>
public sealed class InputGuardInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // The audit log is written by Lotse itself, from route patterns and field names.
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is not AuditEntry))
        {
            foreach (var property in entry.Properties.Where(p => p.CurrentValue is string && (entry.State == EntityState.Added || p.IsModified)))
            {
                var value = (string)property.CurrentValue!;
                var field = char.ToLowerInvariant(property.Metadata.Name[0]) + property.Metadata.Name[1..];
                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    throw new RuleViolationException(field, "Der Text enthält ein unzulässiges Steuerzeichen.");
                }

                if (property.Metadata.GetMaxLength() is { } max && value.Length > max)
                {
                    throw new RuleViolationException(field, "Höchstens {0} Zeichen.", max);
                }
            }
        }
    }
}
