using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Privacy;

/// <summary>Uploads are checked by content, stored encrypted, and served only to those who may see them.</summary>
public sealed class DocumentTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];

    [Fact]
    public async Task A_forbidden_type_disguised_by_its_name_is_refused_and_an_image_named_pdf_is_kept_as_what_it_is()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var (clientId, _) = await NewClientWithCaseAsync(api);

        // A Windows program and a web page, both called .pdf.
        foreach (var disguised in new[] { "MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode", "<html><script>alert(1)</script></html>" })
        {
            using var refused = await UploadAsync(api, clientId, Encoding.Latin1.GetBytes(disguised), "Bescheid.pdf", "application/pdf");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Erlaubt sind PDF, JPEG, PNG und TIFF", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var image = await UploadAsync(api, clientId, [.. Png, .. new byte[100]], "Pass-Kopie.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, image.StatusCode);
        var stored = await image.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", stored.GetProperty("contentType").GetString());
        Assert.Equal("Pass-Kopie.pdf.png", stored.GetProperty("fileName").GetString());

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/documents");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_the_limit_named()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var (clientId, _) = await NewClientWithCaseAsync(api);
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.7\n"u8.CopyTo(big);
        using var refused = await UploadAsync(api, clientId, big, "Scan.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("größer als 10 MB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_document_is_encrypted_at_rest_and_downloads_are_audited_and_need_to_know()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var (clientId, caseId) = await NewClientWithCaseAsync(api);
        var marker = "Geheimer Vermerk " + Guid.NewGuid().ToString("N");
        byte[] content = [.. "%PDF-1.4\n"u8, .. Encoding.UTF8.GetBytes(marker), .. "\n%%EOF"u8];
        using var created = await UploadAsync(api, clientId, content, "Einwilligung unterschrieben.pdf", "application/pdf", caseId);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var documentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The database holds ciphertext only ...
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var data = await db.DocumentContents.Where(c => c.DocumentId == documentId).Select(c => c.Data).SingleAsync();
            Assert.Equal(-1, data.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
            Assert.Equal(-1, data.AsSpan().IndexOf("%PDF"u8));
        }

        // ... and so do the files of the installation (the SQLite database and everything beside it).
        var dataDirectory = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Lotse:DataDirectory"]!;
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }

            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) < 0, $"{file} holds the document in plain text");
        }

        // The responsible case manager downloads the very bytes, as an attachment; the download is audited.
        using var download = await api.GetAsync($"/api/v1/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == documentId && a.Operation == AuditOperation.Export && a.ClientId == Guid.Parse(clientId)));
        }

        // On the client file the document is a download link.
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Clients/Details?id={clientId}"));
        Assert.Contains("Einwilligung unterschrieben.pdf", page, StringComparison.Ordinal);
        using var pageDownload = await browser.GetAsync($"/Clients/Details?id={clientId}&handler=Document&documentId={documentId}");
        Assert.Equal(content, await pageDownload.Content.ReadAsByteArrayAsync());

        // A colleague without the case and another organisation get nothing.
        foreach (var outsider in new[] { "fm.nord@demo.lotse", "fm.sued@demo.lotse", "koordination@demo.lotse", "partner@demo.lotse" })
        {
            using var other = await ApiClient.ForAsync(app, outsider);
            using var refused = await other.GetAsync($"/api/v1/documents/{documentId}");
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{outsider}: {refused.StatusCode}");
            Assert.DoesNotContain(marker, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var colleague = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync("fm.nord@demo.lotse")).StatusCode);
        Assert.DoesNotContain("Einwilligung unterschrieben.pdf", WebUtility.HtmlDecode(await colleague.GetStringAsync($"/Clients/Details?id={clientId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Clients/Details?id={clientId}&handler=Document&documentId={documentId}")).StatusCode);
    }

    private static async Task<(string ClientId, string CaseId)> NewClientWithCaseAsync(HttpClient api)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Leyla", familyName = "Demir-" + Guid.NewGuid().ToString("N")[..6], birthDate = "1990-04-12" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (clientId, caseId);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string clientId, byte[] bytes, string name, string type, string? caseId = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } }, "file", name);
        if (caseId is not null)
        {
            form.Add(new StringContent(caseId), "caseId");
        }

        return await api.PostAsync($"/api/v1/clients/{clientId}/documents", form);
    }
}
