using System.Net.Http.Headers;

namespace Lotse.Tests.Support;

public static class ApiClient
{
    /// <summary>An HTTP client that calls the API with a fresh personal access token of the user.</summary>
    public static async Task<HttpClient> ForAsync(LotseFactory app, string email)
    {
        var (_, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", email);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[^1]);
        return client;
    }
}
