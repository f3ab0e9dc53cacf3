using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Districts;
using Lotse.Features.Positions;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Data;

public sealed class DemoSeedTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task The_demo_holds_gelsenkirchens_districts_and_the_18_kim_positions()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        Assert.Equal(5, await db.Districts.CountAsync(d => d.Level == DistrictLevel.Stadtbezirk));
        Assert.Equal(18, await db.Districts.CountAsync(d => d.Level == DistrictLevel.Stadtteil));
        Assert.Equal(7, await db.Districts.CountAsync(d => d.Parent!.Name == "Gelsenkirchen-Mitte"));

        var positions = await db.Positions.ToListAsync();
        Assert.Equal(18, positions.Count);
        Assert.Equal(3, positions.Count(p => p.Module == FundingModule.Coordination));
        Assert.Equal(12, positions.Count(p => p.Module == FundingModule.CaseManagement));
        Assert.Equal(3, positions.Count(p => p.Module == FundingModule.Authorities));
    }

    [Fact]
    public async Task Every_catalogue_of_the_domain_is_seeded()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var counts = await db.CatalogEntries.GroupBy(e => e.Catalog).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(14, counts[CatalogKind.NeedArea]);
        Assert.Equal(6, counts[CatalogKind.AssessmentScale]);
        Assert.Equal(9, counts[CatalogKind.ResidenceStatusKind]);
        Assert.Equal(11, counts[CatalogKind.AccessRoute]);
        Assert.Equal(8, counts[CatalogKind.EncounterKind]);
        Assert.Equal(9, counts[CatalogKind.ClosureReason]);
        Assert.Equal(9, counts[CatalogKind.ReferralStatus]);
    }

    [Fact]
    public async Task Seeding_again_is_refused_and_changes_nothing()
    {
        var (exitCode, lines) = await LotseCommand.RunAsync(app, "seed-demo");
        Assert.Equal(1, exitCode);
        Assert.Contains("already holds organisations", lines[^1], StringComparison.Ordinal);

        var (migrate, _) = await LotseCommand.RunAsync(app, "migrate");
        Assert.Equal(0, migrate);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(14, await scope.ServiceProvider.GetRequiredService<LotseDbContext>().CatalogEntries.CountAsync(e => e.Catalog == CatalogKind.NeedArea));
    }
}
