using Lotse.Bench;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Reports;
using Lotse.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Reports;

/// <summary>
/// The disclosure audit of <see cref="DisclosureAuditTests"/> and the differencing attack of
/// <see cref="DifferencingAttackTests"/> on an
/// installation the demo did not shape: the bench's generator (fixed seed, bench/README.md) adds 300
/// clients with their cases, goals, referrals and contacts of the last years to the demo.
/// </summary>
public sealed class GeneratedInstallationAuditTests(GeneratedInstallationFactory app) : IClassFixture<GeneratedInstallationFactory>
{
    [Fact]
    public async Task No_hidden_cell_of_many_periods_and_scopes_of_a_generated_installation_can_be_narrowed_below_the_protection_range()
    {
        // The generated cases are there and in the figures (300 clients, about 360 cases).
        Assert.True(await app.GeneratedAsync() > 300);
        var hidden = 0;
        var requests = await DisclosureAuditTests.RequestsAsync(app, 110);
        foreach (var (from, to, scope) in requests)
        {
            var (open, published) = await DisclosureAuditTests.BuildAsync(app, from, to, scope);
            hidden += DisclosureAuditTests.AssertProtected(open, published, $"generated {from:yyyy-MM-dd}..{to:yyyy-MM-dd} {scope}");
        }

        Assert.True(hidden > 500, $"{hidden} hidden cells audited");
    }

    [Fact]
    public async Task Subtracting_periods_of_the_grid_of_a_generated_installation_recovers_no_small_count()
    {
        Assert.True(await app.GeneratedAsync() > 300);
        var attacked = 0;
        foreach (var scope in await DifferencingAttackTests.ScopesAsync(app))
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                attacked += await DifferencingAttackTests.AttackAsync(app, year, scope);
            }
        }

        Assert.True(attacked > 300, $"{attacked} small differences attacked");
    }
}

/// <summary>A demo installation with the bench's tiny scale generated on top.</summary>
public sealed class GeneratedInstallationFactory : LotseFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private long generated;

    /// <summary>Generates once; returns how many cases the generator wrote.</summary>
    public async Task<long> GeneratedAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (generated == 0)
            {
                await using var scope = Services.CreateAsyncScope();
                // The generator continues the audit chain and wants it sealed (on PostgreSQL the demo's entries may not be yet).
                await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync();
                var summary = await new Generator(scope.ServiceProvider.GetRequiredService<LotseDbContext>(), TextWriter.Null).RunAsync(Scale.Parse("tiny"), CancellationToken.None);
                generated = summary.Counts.GetValueOrDefault("cases");
            }

            return generated;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        gate.Dispose();
        base.Dispose(disposing);
    }
}
