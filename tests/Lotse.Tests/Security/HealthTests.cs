using System.Net;
using Lotse.Tests.Support;

namespace Lotse.Tests.Security;

public sealed class HealthTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_sign_in(string path)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
