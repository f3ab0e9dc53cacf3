using System.Net;
using Lotse.Tests.Support;

namespace Lotse.Tests.Legal;

/// <summary>
/// Impressum, Datenschutzhinweise (Art. 13 GDPR) and Erklärung zur Barrierefreiheit (BITV 2.0): open without an
/// account, linked from every page's footer, and honest about what the operator has not entered yet.
/// </summary>
public sealed class LegalPagesTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Theory]
    [InlineData("/Impressum", "Impressum", "§ 5 Digitale-Dienste-Gesetz")]
    [InlineData("/Datenschutz", "Datenschutzhinweise", "Art. 77 DSGVO")]
    [InlineData("/Barrierefreiheit", "Erklärung zur Barrierefreiheit", "Ombudsstelle für barrierefreie Informationstechnik")]
    public async Task Each_legal_page_opens_without_an_account_and_shows_what_is_not_entered_yet(string path, string heading, string content)
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1 class=\"kern-heading-large\">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(content, html, StringComparison.Ordinal);
        // The test installation has no Lotse:Legal: the gap is visible, not papered over.
        Assert.Contains("(vom Betreiber noch nicht eingetragen)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_states_this_installations_retention_period()
    {
        using var anonymous = app.CreateClient();
        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Datenschutz"));
        Assert.Contains("werden 3 Jahre nach dem Abschluss ihres letzten Falls anonymisiert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/r/unknown-or-expired-link")]
    public async Task The_footer_links_all_three_even_for_someone_without_an_account(string path)
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var html = await anonymous.GetStringAsync(path);
        foreach (var link in new[] { "/Impressum", "/Datenschutz", "/Barrierefreiheit" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }
}
