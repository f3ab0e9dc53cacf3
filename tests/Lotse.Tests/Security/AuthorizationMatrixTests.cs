using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Features.Documents;
using Lotse.Features.Referrals;
using Lotse.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lotse.Tests.Security;

/// <summary>
/// The complete authorisation matrix: every page handler and API endpoint the app registers, for
/// every role, against a record of the caller's own organisation and one of another. The expected
/// answers live in <c>authorization-matrix.md</c>, a table a data protection officer can read; an
/// endpoint missing from the table fails the test. Runs on an installation of its own, because
/// allowed writes change data.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed partial class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    internal static readonly string[] RoleColumns = ["CaseManager", "TeamLead", "Coordinator", "AuthorityStaff", "PartnerStaff", "DataProtectionOfficer", "Admin"];

    internal static readonly Dictionary<string, string> DemoUsers = new()
    {
        ["CaseManager"] = "fm.mitte@demo.lotse",
        ["TeamLead"] = "teamleitung@demo.lotse",
        ["Coordinator"] = "koordination@demo.lotse",
        ["AuthorityStaff"] = "abh@demo.lotse",
        ["PartnerStaff"] = "partner@demo.lotse",
        ["DataProtectionOfficer"] = "datenschutz@demo.lotse",
        ["Admin"] = "admin@demo.lotse",
    };

    private readonly LotseFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    /// <summary>One row of the table: the request, and per role "own", "all" or "—".</summary>
    internal sealed record Row(string Method, string Target, IReadOnlyDictionary<string, string> Expected, int Line)
    {
        public string Key => Key(Method, Target);
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    internal static partial Regex Placeholder();

    [GeneratedRegex(@"[?&]handler=(\w+)")]
    private static partial Regex HandlerQuery();

    [GeneratedRegex(@"^On(Get|Post|Put|Delete)(\w*?)(Async)?$")]
    private static partial Regex HandlerMethod();

    /// <summary>Method, path with every placeholder as {}, and the page handler if any.</summary>
    private static string Key(string method, string target)
    {
        var path = target.Split('?')[0];
        var handler = HandlerQuery().Match(target) is { Success: true } m ? "?handler=" + m.Groups[1].Value : "";
        return $"{method} {Placeholder().Replace(path, "{}")}{handler}";
    }

    [Fact]
    public async Task Every_registered_endpoint_answers_every_role_as_the_matrix_says()
    {
        var rows = ReadMatrix();
        var registered = RegisteredEndpoints();
        var missing = registered.Where(e => rows.All(r => r.Key != e.Key)).ToList();
        Assert.True(missing.Count == 0, "Add these endpoints to tests/Lotse.Tests/Security/authorization-matrix.md:\n"
            + string.Join('\n', missing.Select(e => $"| {e.Method} | {e.Target} | ? | ? | ? | ? | ? | ? | ? |")));
        Assert.True(rows.Count > 50, $"only {rows.Count} rows in the matrix");
        var stale = rows.Where(r => registered.All(e => e.Key != r.Key)).ToList();
        Assert.True(stale.Count == 0, "These rows of the matrix name no registered endpoint:\n" + string.Join('\n', stale.Select(r => $"line {r.Line}: {r.Method} {r.Target}")));

        var records = await Records.LoadAsync(app);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (role, email) in DemoUsers)
        {
            var browser = app.CreateBrowserLikeClient();
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email)).StatusCode);
            clients[role] = browser;
            clients[role + ":api"] = await ApiClient.ForAsync(app, email);
        }

        var userIds = await UserIdsAsync();
        var failures = new List<string>();
        // Refusals first: an allowed write may change the record the next check uses.
        foreach (var row in rows)
        {
            var checks = RoleColumns.SelectMany(role => new[] { (role, Own: true), (role, Own: false) })
                .Where(c => Placeholder().IsMatch(row.Target) || c.Own)
                .OrderBy(c => Allowed(row.Expected[c.role], c.Own))
                .ToList();
            foreach (var (role, own) in checks)
            {
                var target = await records.ResolveAsync(row.Target, role, own);
                var api = row.Target.StartsWith("/api/", StringComparison.Ordinal);
                var client = clients[api ? role + ":api" : role];
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), target);
                if (row.Method != "GET")
                {
                    request.Content = api
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent([new("__RequestVerificationToken", await client.AntiforgeryTokenAsync("/Account/Profile"))]);
                }

                var mark = await LastAuditIdAsync();
                var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.UnsupportedMediaType)
                {
                    // An upload endpoint: the same empty request as a form.
                    response.Dispose();
                    using var form = new HttpRequestMessage(new HttpMethod(row.Method), target) { Content = new MultipartFormDataContent { { new StringContent(""), "description" } } };
                    response = await client.SendAsync(form);
                }

                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                // The authorization challenge carries a ReturnUrl; a page's own redirect to sign-in (a finished 2FA step) does not.
                // The access-denied page says so with its own 403: reaching it is what "allowed" means there.
                var refused = (status is 401 or 404 || (status == 403 && row.Target != "/Account/AccessDenied")) || (status == 302 && (location.Contains("/Account/AccessDenied", StringComparison.Ordinal) || location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal)));
                var expectAllowed = Allowed(row.Expected[role], own);
                if (status >= 500 || refused == expectAllowed)
                {
                    failures.Add($"line {row.Line}: {row.Method} {target} as {role} ({(own ? "own" : "other")} organisation): expected {(expectAllowed ? "allowed" : "refused")}, got {status} {location}");
                }
                else if (PersonalRecord().IsMatch(row.Target))
                {
                    // The gate's promise to the data protection officer: one Read for a page or answer that shows
                    // personal data (a download: one Export, data leaving Lotse), one Denied for each refusal.
                    var (reads, exports, denied) = await AuditSinceAsync(mark, userIds[DemoUsers[role]]);
                    if (refused && denied != 1)
                    {
                        failures.Add($"line {row.Line}: {row.Method} {target} as {role}: refused with {denied} Denied entries, expected 1");
                    }
                    else if (!refused && row.Method == "GET" && status == 200 && reads != 1 && (reads, exports) != (0, 1))
                    {
                        failures.Add($"line {row.Line}: {row.Method} {target} as {role}: shown with {reads} Read entries, expected 1");
                    }
                }

                response.Dispose();
                if (row.Target.StartsWith("/Account/Logout", StringComparison.Ordinal) && row.Method == "POST")
                {
                    // Signing out worked; sign in again for the rows that follow.
                    client.Dispose();
                    clients[role] = app.CreateBrowserLikeClient();
                    Assert.Equal(HttpStatusCode.Redirect, (await clients[role].SignInAsync(DemoUsers[role])).StatusCode);
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        output.WriteLine($"{rows.Count} endpoints × {RoleColumns.Length} roles checked.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [GeneratedRegex(@"\{(client|case|consent|member|document|referral)\}")]
    private static partial Regex PersonalRecord();

    private async Task<Dictionary<string, Guid>> UserIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<(int Reads, int Exports, int Denied)> AuditSinceAsync(long mark, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var operations = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries
            .Where(e => e.Id > mark && e.UserId == userId).Select(e => e.Operation).ToListAsync();
        return (operations.Count(o => o == Lotse.Features.Audit.AuditOperation.Read), operations.Count(o => o == Lotse.Features.Audit.AuditOperation.Export),
            operations.Count(o => o == Lotse.Features.Audit.AuditOperation.Denied));
    }

    internal static bool Allowed(string cell, bool own) => cell switch
    {
        "all" => true,
        "own" => own,
        "—" or "-" => false,
        _ => throw new InvalidOperationException($"Unknown cell \"{cell}\": use own, all or —."),
    };

    internal static List<Row> ReadMatrix()
    {
        var path = Path.Combine(Localization.TranslationTests.RepositoryRoot(), "tests", "Lotse.Tests", "Security", "authorization-matrix.md");
        var rows = new List<Row>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != RoleColumns.Length + 4 || cells[1] is "Method" || cells[1].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var target = cells[2].Trim('`');
            rows.Add(new Row(cells[1], target, RoleColumns.Select((role, c) => (role, cell: cells[c + 3])).ToDictionary(x => x.role, x => x.cell), i + 1));
        }

        var duplicates = rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Rows listed twice: " + string.Join(", ", duplicates));
        return rows;
    }

    /// <summary>Every API endpoint with its methods, and every page with each of its handlers.</summary>
    private List<(string Method, string Target, string Key)> RegisteredEndpoints() => RegisteredEndpoints(app);

    internal static List<(string Method, string Target, string Key)> RegisteredEndpoints(LotseFactory app)
    {
        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        var found = new List<(string, string, string)>();
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            {
                if (route.EndsWith("/Index", StringComparison.Ordinal) is false && endpoints.Any(e => e != endpoint && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath == page.ViewEnginePath && (e.RoutePattern.RawText ?? "").EndsWith("Index", StringComparison.Ordinal)))
                {
                    continue; // "/Clients" is "/Clients/Index" once more.
                }

                var modelName = "Lotse.Features" + page.ViewEnginePath.Replace('/', '.') + "Model";
                modelName = Regex.Replace(modelName, @"\.(\w+)Model$", m => "." + m.Groups[1].Value + "Model");
                if (!pageModels.TryGetValue(modelName, out var model))
                {
                    found.Add(("GET", route, Key("GET", route))); // A page without a model only shows.
                    continue;
                }

                foreach (var handler in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                             .Select(m => HandlerMethod().Match(m.Name)).Where(m => m.Success).Select(m => (Verb: m.Groups[1].Value.ToUpperInvariant(), Name: m.Groups[2].Value)).Distinct())
                {
                    var target = route + (handler.Name.Length > 0 ? "?handler=" + handler.Name : "");
                    found.Add((handler.Verb, target, Key(handler.Verb, target)));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                found.Add((method, route, Key(method, route)));
            }
        }

        return [.. found.DistinctBy(f => f.Item3).OrderBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The records the placeholders stand for: for each role a record of its own organisation (for
    /// partner and authority staff: addressed to it) and one of another organisation.
    /// </summary>
    internal sealed class Records
    {
        private readonly Dictionary<string, (Func<string, Task<string>> Own, Func<string, Task<string>> Other)> map = [];

        public static async Task<Records> LoadAsync(LotseFactory app)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u);
            var mitte = users["fm.mitte@demo.lotse"];
            var sued = users["fm.sued@demo.lotse"];
            var partnerOrg = users["partner@demo.lotse"].OrganizationId;
            var abhOrg = users["abh@demo.lotse"].OrganizationId;
            var cityOrg = users["admin@demo.lotse"].OrganizationId;

            async Task<(Guid Case, Guid Client)> OpenCaseOf(Guid userId) => await db.Cases.Where(c => c.ResponsibleUserId == userId && c.ClosedOn == null && c.Phase == Lotse.Features.Cases.CasePhase.Implementation)
                .OrderBy(c => c.Reference).Select(c => new ValueTuple<Guid, Guid>(c.Id, c.ClientId)).FirstAsync();
            var (ownCase, ownClient) = await OpenCaseOf(mitte.Id);
            var (otherCase, otherClient) = await OpenCaseOf(sued.Id);
            async Task<Guid> ReferralTo(Guid recipient) => await db.Referrals.Where(r => r.RecipientOrganizationId == recipient && r.Status == ReferralStatus.Sent).OrderBy(r => r.SentAt).Select(r => r.Id).FirstAsync();
            var toPartner = await ReferralTo(partnerOrg);
            var toAbh = await ReferralTo(abhOrg);
            // The senders' referrals and consents are others than the recipients' ones: a sender's allowed
            // withdrawal must not take the recipient's referral away before its row is checked.
            async Task<Guid> ReferralFrom(Guid sender) => await db.Referrals.Where(r => r.SenderOrganizationId == sender && r.Id != toPartner && r.Id != toAbh).OrderBy(r => r.Status)
                .Select(r => r.Id).FirstAsync();
            var fromMitte = await ReferralFrom(mitte.OrganizationId);
            var fromSued = await ReferralFrom(sued.OrganizationId);
            async Task<Guid> AppointmentOf(Lotse.Features.Users.User user, Guid caseId)
            {
                var appointment = new Lotse.Features.Calendar.Appointment { UserId = user.Id, CaseId = caseId, Title = "Matrix", Start = app.Clock.GetUtcNow().UtcDateTime.AddDays(3), End = app.Clock.GetUtcNow().UtcDateTime.AddDays(3).AddHours(1) };
                db.Appointments.Add(appointment);
                await db.SaveChangesAsync();
                return appointment.Id;
            }

            var ownAppointment = await AppointmentOf(mitte, ownCase);
            var otherAppointment = await AppointmentOf(sued, otherCase);
            var offers = await db.Offers.AsNoTracking().Select(o => new { o.Id, o.OrganizationId }).ToListAsync();
            var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.OrganizationId }).ToListAsync();
            var district = await db.Districts.Select(d => d.Id).FirstAsync();
            var catalog = await db.CatalogEntries.Select(c => c.Id).FirstAsync();
            using var anonymous = app.CreateClient();
            async Task<string> FirstHsdsId(string list) => (await anonymous.GetFromJsonAsync<JsonElement>("/api/hsds/" + list)).GetProperty("contents")[0].GetProperty("id").GetString()!;
            var hsds = new Dictionary<string, string>
            {
                ["hsdsOrganization"] = await FirstHsdsId("organizations"),
                ["location"] = await FirstHsdsId("service_at_locations"),
                ["taxonomy"] = await FirstHsdsId("taxonomies"),
                ["term"] = await FirstHsdsId("taxonomy_terms"),
            };

            var records = new Records();
            Task<string> Fixed(Guid id) => Task.FromResult(id.ToString());
            Guid OrgOf(string role) => users[DemoUsers[role]].OrganizationId;
            records.Add("client", _ => Fixed(ownClient), _ => Fixed(otherClient));
            var (_, ownMember) = await db.Cases.Where(c => c.ResponsibleUserId == mitte.Id && c.ClientId != ownClient).OrderBy(c => c.Reference).Select(c => new ValueTuple<Guid, Guid>(c.Id, c.ClientId)).FirstAsync();
            var (_, otherMember) = await db.Cases.Where(c => c.ResponsibleUserId == sued.Id && c.ClientId != otherClient).OrderBy(c => c.Reference).Select(c => new ValueTuple<Guid, Guid>(c.Id, c.ClientId)).FirstAsync();
            records.Add("member", _ => Fixed(ownMember), _ => Fixed(otherMember));
            records.Add("case", _ => Fixed(ownCase), _ => Fixed(otherCase));
            // A fresh consent each time, resting under no referral: an allowed withdrawal changes nothing else.
            records.Add("consent", _ => NewConsentAsync(app, ownClient, mitte, partnerOrg), _ => NewConsentAsync(app, otherClient, sued, partnerOrg));
            records.Add("referral",
                role => Fixed(role switch { "PartnerStaff" => toPartner, "AuthorityStaff" => toAbh, _ => fromMitte }),
                role => Fixed(role switch { "PartnerStaff" => toAbh, "AuthorityStaff" => toPartner, _ => fromSued }));
            records.Add("offer",
                role => Fixed(offers.FirstOrDefault(o => o.OrganizationId == OrgOf(role))?.Id ?? offers.First(o => o.OrganizationId == partnerOrg).Id),
                role => Fixed(offers.First(o => o.OrganizationId != OrgOf(role) && o.OrganizationId != cityOrg).Id));
            records.Add("organization", role => Fixed(OrgOf(role)), role => Fixed(OrgOf(role) == partnerOrg ? abhOrg : partnerOrg));
            records.Add("team", role => Fixed(teams.FirstOrDefault(t => t.OrganizationId == OrgOf(role))?.Id ?? teams[0].Id), role => Fixed(teams.First(t => t.OrganizationId != OrgOf(role)).Id));
            // Users nobody in the matrix signs in as: an allowed deactivation must not lock a checking role out.
            records.Add("user", _ => Fixed(users["fm.west@demo.lotse"].Id), _ => Fixed(users["fm.ost@demo.lotse"].Id));
            records.Add("district", _ => Fixed(district), _ => Fixed(district));
            records.Add("entry", _ => Fixed(catalog), _ => Fixed(catalog));
            records.Add("kind", _ => Task.FromResult("NeedArea"), _ => Task.FromResult("NeedArea"));
            records.Add("appointment", _ => Fixed(ownAppointment), _ => Fixed(otherAppointment));
            records.Add("action", role => Task.FromResult(role is "PartnerStaff" or "AuthorityStaff" ? "accept" : "withdraw"), role => Task.FromResult(role is "PartnerStaff" or "AuthorityStaff" ? "accept" : "withdraw"));
            records.Add("doc", _ => Task.FromResult("v1"), _ => Task.FromResult("v1"));
            records.Add("token", _ => Task.FromResult("x"), _ => Task.FromResult("x"));
            foreach (var (name, id) in hsds)
            {
                records.Add(name, _ => Task.FromResult(id), _ => Task.FromResult(id));
            }
            // A fresh document each time: an allowed delete must not leave the next check without one.
            records.Add("document", _ => NewDocumentAsync(app, ownClient, ownCase), _ => NewDocumentAsync(app, otherClient, otherCase));
            return records;
        }

        public async Task<string> ResolveAsync(string target, string role, bool own)
        {
            var result = target;
            foreach (Match match in Placeholder().Matches(target))
            {
                Assert.True(map.TryGetValue(match.Groups[1].Value, out var resolve), $"Unknown placeholder {match.Value} in {target}");
                result = result.Replace(match.Value, await (own ? resolve.Own : resolve.Other)(role), StringComparison.Ordinal);
            }

            return result;
        }

        private void Add(string name, Func<string, Task<string>> own, Func<string, Task<string>> other) => map[name] = (own, other);

        private static async Task<string> NewConsentAsync(LotseFactory app, Guid clientId, Lotse.Features.Users.User by, Guid recipient)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var consent = new Lotse.Features.Consents.Consent
            {
                ClientId = clientId,
                OrganizationId = by.OrganizationId,
                GivenOn = app.Today,
                FormVersion = Lotse.Features.Consents.ConsentFormTexts.FormVersion,
                RecordedByUserId = by.Id,
                PurposeCodes = ["sprache"],
                Categories = [Lotse.Features.Consents.DataCategory.Name],
            };
            consent.Recipients.Add(new Lotse.Features.Consents.ConsentRecipient { OrganizationId = recipient });
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id.ToString();
        }

        private static async Task<string> NewDocumentAsync(LotseFactory app, Guid clientId, Guid caseId)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            using var content = new MemoryStream([.. "%PDF-1.4\n"u8]);
            var document = await scope.ServiceProvider.GetRequiredService<DocumentStore>().AddAsync(client, caseId, "Matrix.pdf", content, null, CancellationToken.None);
            return document.Id.ToString();
        }
    }
}
