using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Clients;

/// <summary>
/// How case managers type: German dates, and names in German or English spellings of Arabic and
/// Ukrainian names. The person meant comes first (or a namesake, and with the birth date the person), with the birth date to tell namesakes apart.
/// </summary>
public sealed class ClientSearchTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task A_birth_date_typed_the_German_way_is_accepted_and_stored()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Leyla", familyName = "Datumstest", birthDate = "14.03.1988" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("1988-03-14", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("birthDate").GetString());

        using var partial = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Leyla", familyName = "Datumstest", birthDate = "03.1988" });
        Assert.Equal("1988-03", (await partial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("birthDate").GetString());

        using var wrong = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Leyla", familyName = "Datumstest", birthDate = "31.02.1988" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("TT.MM.JJJJ", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ahmad", "Ibrahim", "1988-03-14", "Achmed Ibrahem")]
    [InlineData("Ahmad", "Ibrahim", "1988-03-14", "Achmad Ibrahim 14.03.1988")]
    [InlineData("Oksana", "Tkachenko", "1991-07-02", "Oksana Tkatchenko")]
    [InlineData("Oksana", "Tkachenko", "1991-07-02", "Tkatschenko 02.07.1991")]
    public async Task A_common_other_spelling_finds_the_person_first(string given, string family, string born, string typed)
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = given, familyName = family, birthDate = born });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // The demo has namesakes: someone of that name leads, this one is among the results, and with the birth date first.
        var found = (await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?q=" + Uri.EscapeDataString(typed))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal($"{given} {family}", $"{found[0].GetProperty("givenName").GetString()} {found[0].GetProperty("familyName").GetString()}");
        Assert.Contains(id, found.Select(i => i.GetProperty("id").GetString()));
        if (typed.Any(char.IsAsciiDigit))
        {
            // Rows of this theory share the database, so the person may be there twice: same name, same date.
            Assert.Equal(born, found[0].GetProperty("birthDate").GetString());
        }
    }

    [Fact]
    public async Task Namesakes_in_the_results_show_birth_date_and_district()
    {
        using var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        List<(Guid Id, string Name)> districts;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            districts = [.. (await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Districts.OrderBy(d => d.Name).Take(2).ToListAsync()).Select(d => (d.Id, d.Name))];
        }

        using var one = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Mira", familyName = "Zwillingsname", birthDate = "1990-01-05", districtId = districts[0].Id });
        using var two = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Mira", familyName = "Zwillingsname", birthDate = "1972-11-30", districtId = districts[1].Id });
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);

        var html = await client.GetStringAsync("/Clients?q=Mira+Zwillingsname");
        Assert.Contains("05.01.1990", html, StringComparison.Ordinal);
        Assert.Contains("30.11.1972", html, StringComparison.Ordinal);
        Assert.Contains(">Stadtteil</th>", html, StringComparison.Ordinal);
        Assert.Contains($">{districts[0].Name}</td>", html, StringComparison.Ordinal);
        Assert.Contains($">{districts[1].Name}</td>", html, StringComparison.Ordinal);
    }
}
