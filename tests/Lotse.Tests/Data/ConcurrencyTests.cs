using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Data;

public sealed class ConcurrencyTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task A_concurrent_edit_is_detected_not_silently_overwritten()
    {
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<LotseDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<LotseDbContext>();

        var org1 = await db1.Organizations.SingleAsync(o => o.ShortName == "Morgenrot");
        var org2 = await db2.Organizations.SingleAsync(o => o.ShortName == "Morgenrot");
        org1.Name = "Sozialwerk Zeche Morgenrot e. V. (Ost)";
        await db1.SaveChangesAsync();

        org2.Name = "Sozialwerk Morgenrot";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<LotseDbContext>().Organizations.SingleAsync(o => o.ShortName == "Morgenrot");
        Assert.Equal("Sozialwerk Zeche Morgenrot e. V. (Ost)", stored.Name);
        Assert.Equal(2, stored.Version);
    }
}
