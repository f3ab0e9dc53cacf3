using Lotse.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Data;

public sealed class ProductionRefusesDemoTests
{
    [Fact]
    public async Task The_demo_is_refused_in_production()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lotse-tests", Guid.NewGuid().ToString("N"))).FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Lotse"] = $"Data Source={Path.Combine(directory, "lotse.db")}",
                ["Lotse:DataDirectory"] = directory,
            }));
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        Assert.Contains("refused in the Production environment", error.Message, StringComparison.Ordinal);
    }
}
