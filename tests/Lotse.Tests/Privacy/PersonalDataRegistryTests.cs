using System.Runtime.CompilerServices;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Lotse.Features.Privacy;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Privacy;

/// <summary>
/// Personal data is declared once, on the entity (<see cref="IPersonalData"/> or
/// <see cref="IPersonalDataTrail"/>). Walking the EF model, this fails when a table linked to a
/// person is not classified, or when a classified one is not handled by the audit interceptor, the
/// anonymiser or the Art. 15 export.
/// </summary>
public sealed class PersonalDataRegistryTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    /// <summary>Tables that point at a person but are not the person's data, and why.</summary>
    private static readonly Dictionary<Type, string> NotPersonalData = new()
    {
        [typeof(AuditEntry)] = "the accountability log itself; the anonymiser drops its links to the person",
        [typeof(Anonymisation)] = "the erasure register, without names",
    };

    [Fact]
    public async Task Every_table_linked_to_a_person_is_declared_and_handled_by_the_log_the_anonymiser_and_the_export()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<LotseDbContext>().Model;
        var problems = new List<string>();
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType).ToList();
        static bool Declared(Type t) => typeof(IPersonalData).IsAssignableFrom(t) || typeof(IPersonalDataTrail).IsAssignableFrom(t);

        foreach (var entity in types)
        {
            var clr = entity.ClrType;
            var linked = entity.GetForeignKeys().Any(fk => Declared(fk.PrincipalEntityType.ClrType)) || entity.FindProperty("ClientId") is not null;
            if (linked && !Declared(clr) && !NotPersonalData.ContainsKey(clr))
            {
                problems.Add($"{clr.Name} points at a person: mark it IPersonalData (users write it) or IPersonalDataTrail (kept beside it), or explain why not.");
            }

            if (Declared(clr) && !Anonymiser.Handles.ContainsKey(clr))
            {
                problems.Add($"{clr.Name}: the anonymiser does not say what erasure does with it (Anonymiser.Handles).");
            }

            if (typeof(IPersonalData).IsAssignableFrom(clr))
            {
                if (!ClientExport.Covers.Contains(clr))
                {
                    problems.Add($"{clr.Name}: not in the Art. 15 export (ClientExport.Covers).");
                }

                if (AuditInterceptor.KeyOf(RuntimeHelpers.GetUninitializedObject(clr)) is null)
                {
                    problems.Add($"{clr.Name}: the audit log cannot name the record (AuditInterceptor.KeyOf).");
                }
            }
        }

        var mapped = types.Select(t => t.ClrType).ToHashSet();
        var declaredTypes = typeof(IPersonalData).Assembly.GetTypes().Where(t => t.IsClass && Declared(t)).ToList();
        problems.AddRange(declaredTypes.Where(t => !mapped.Contains(t)).Select(t => $"{t.Name} is declared personal data but is no table."));
        problems.AddRange(Anonymiser.Handles.Keys.Where(t => !Declared(t)).Select(t => $"Anonymiser.Handles names {t.Name}, which is not declared personal data."));

        Assert.True(declaredTypes.Count >= 20, $"only {declaredTypes.Count} personal-data entities declared");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
