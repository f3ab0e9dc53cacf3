using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Lotse.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lotse.Tests.Security;

/// <summary>
/// Nothing a user types or an integrating system sends produces a 500. Every form of every page
/// handler (its fields found from the page model's <c>[BindProperty]</c> models and the handler's
/// parameters) and every API write (its fields from the endpoint's request type) gets a corpus of bad
/// values: empty, blanks, a megabyte, control characters, a right-to-left override, SQL and script,
/// huge, negative and non-numbers, impossible and partial dates, unknown codes, duplicated fields and
/// keys, malformed JSON and the wrong content type. Each request is sent as the first role the
/// authorisation matrix allows, with records of its own organisation. In the Production-like test
/// environment on both databases and in Development (developer pages on) on SQLite, on an
/// installation of its own each.
/// </summary>
public sealed partial class BadInputTests(ITestOutputHelper output)
{
    private static readonly string[] Values =
    [
        "", "   ", new string('x', 1_000_000), "\u0000\u0007\u001b\u0008", "\u202Eevil\u202C", "'; DROP TABLE \"Clients\"; --", "<script>alert(1)</script>",
        "99999999999999999999999999999999", "-99999999999999999999999999999", "-1", "1e309", "NaN", "abc", "2026-02-30", "2026-13", "31.02.2026", "12:99",
        "NichtVorhanden", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] JsonValues =
    [
        "\"\"", "\"   \"", "\"" + new string('x', 1_000_000) + "\"", "\"\\u0000\\u0007\"", "\"\\u202Eevil\"", "\"'; DROP TABLE x; --\"", "\"<script>alert(1)</script>\"",
        "99999999999999999999999999999999", "-99999999999999999999999999999", "-1", "1e309", "123", "true", "[]", "{}", "null", "\"2026-02-30\"", "\"2026-13\"", "\"NichtVorhanden\"",
    ];

    private static readonly string[] Bodies = ["", "not json", "{", "[]", "null", "\"text\"", "{\"a\":1,\"a\":2}", "{\"givenName\":\"A\",\"givenName\":\"B\"}"];

    private static readonly string[] Queries = ["page=abc", "page=-1", "pageSize=99999999999", "phase=Unbekannt", "mine=vielleicht", "from=2026-02-30", "until=2026-13", "year=abc", "q=%00%27%3B"];

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// The Production-like environment on every provider; Development (developer pages on) on SQLite
    /// only: what the environment changes is the same on both databases, and each run costs minutes.
    /// </summary>
    public static TheoryData<string> Environments() =>
        LotseFactory.Provider is Lotse.Data.DatabaseProvider.Sqlite ? new TheoryData<string>("Development", "Testing") : new TheoryData<string>("Testing");

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task No_form_field_or_API_write_answers_500_to_bad_input(string environment)
    {
        var app = new LotseFactory { EnvironmentName = environment };
        await app.InitializeAsync();
        try
        {
            await RunAsync(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private async Task RunAsync(LotseFactory app)
    {
        var rows = AuthorizationMatrixTests.ReadMatrix();
        var records = await AuthorizationMatrixTests.Records.LoadAsync(app);
        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        var pageModels = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        var failures = new List<string>();
        var sent = 0;

        // A restriction freezes the own records the other rows write to: those rows come last.
        static bool Restricts(AuthorizationMatrixTests.Row r) => r.Target.Contains("estrict", StringComparison.Ordinal);
        foreach (var row in rows.Where(r => r.Method != "GET" || r.Target.StartsWith("/api/", StringComparison.Ordinal)).OrderBy(Restricts))
        {
            // Signing out, erasing the shared record or deactivating would only end the run early; their inputs are checked elsewhere.
            if (row.Target.Contains("Logout", StringComparison.Ordinal) || row.Target.Contains("handler=Erase", StringComparison.Ordinal) || row.Target.EndsWith("/erasure", StringComparison.Ordinal)
                || row.Target.Contains("/Account/Login", StringComparison.Ordinal) || row.Target.Contains("handler=Active", StringComparison.Ordinal))
            {
                continue;
            }

            var role = AuthorizationMatrixTests.RoleColumns.FirstOrDefault(r => AuthorizationMatrixTests.Allowed(row.Expected[r], own: true));
            if (role is null)
            {
                continue;
            }

            var api = row.Target.StartsWith("/api/", StringComparison.Ordinal);
            var key = api ? role + ":api" : role;
            if (!clients.TryGetValue(key, out var caller))
            {
                var client = api ? await ApiClient.ForAsync(app, AuthorizationMatrixTests.DemoUsers[role]) : app.CreateBrowserLikeClient();
                if (!api)
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(AuthorizationMatrixTests.DemoUsers[role])).StatusCode);
                }

                caller = clients[key] = (client, api ? "" : await client.AntiforgeryTokenAsync("/Account/Profile"));
            }

            var target = await records.ResolveAsync(row.Target, role, own: true);
            var requests = api
                ? ApiRequests(row, target, endpoints)
                : PageRequests(target, pageModels, caller.Token);
            foreach (var (request, what) in requests)
            {
                using (request)
                {
                    using var response = await caller.Client.SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{row.Method} {row.Target} as {role}, {what}: {status}");
                    }
                    else if (api && status == 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{row.Method} {row.Target} as {role}, {what}: 400 without a problem document");
                    }
                }
            }
        }

        foreach (var (client, _) in clients.Values)
        {
            client.Dispose();
        }

        output.WriteLine($"{sent} bad requests sent.");
        Assert.True(sent > 1000, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests failed:\n" + string.Join('\n', failures.Distinct().Take(80)));
    }

    private static IEnumerable<(HttpRequestMessage, string)> PageRequests(string target, Dictionary<string, Type> pageModels, string token)
    {
        var path = target.Split('?')[0];
        var handler = Regex.Match(target, @"[?&]handler=(\w+)") is { Success: true } h ? h.Groups[1].Value : "";
        var modelName = "Lotse.Features" + path.Replace('/', '.') + "Model";
        if (!pageModels.TryGetValue(modelName, out var model) && !pageModels.TryGetValue("Lotse.Features" + path.Replace('/', '.') + ".IndexModel", out model))
        {
            yield break;
        }

        var fields = FormFields(model, handler).ToList();
        HttpRequestMessage Post(IEnumerable<KeyValuePair<string, string>> values) =>
            new(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token))) };

        // Every field at once with the same bad value, then each field alone with the values most likely to slip through.
        foreach (var value in Values)
        {
            yield return (Post(fields.Select(f => new KeyValuePair<string, string>(f, value))), $"all fields = {Describe(value)}");
        }

        foreach (var field in fields)
        {
            foreach (var value in new[] { "", "99999999999999999999999999999999", "2026-02-30", "\u0000" })
            {
                yield return (Post([new(field, value)]), $"{field} = {Describe(value)}");
            }

            yield return (Post([new(field, "a"), new(field, "b")]), $"{field} twice");
        }
    }

    private static IEnumerable<(HttpRequestMessage, string)> ApiRequests(AuthorizationMatrixTests.Row row, string target, List<RouteEndpoint> endpoints)
    {
        if (row.Method == "GET")
        {
            foreach (var query in Queries)
            {
                yield return (new HttpRequestMessage(HttpMethod.Get, target + (target.Contains('?') ? "&" : "?") + query), query);
            }

            yield break;
        }

        HttpRequestMessage Send(string body, string contentType = "application/json") =>
            new(new HttpMethod(row.Method), target) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        foreach (var body in Bodies)
        {
            yield return (Send(body), $"body {Describe(body)}");
        }

        yield return (Send("{}", "text/plain"), "text/plain");
        yield return (Send("a=b", "application/x-www-form-urlencoded"), "a form instead of JSON");

        var template = Placeholder().Replace(row.Target.Split('?')[0], "{}").TrimStart('/');
        var endpoint = endpoints.FirstOrDefault(e => Placeholder().Replace("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), "{}").TrimStart('/') == template
            && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(row.Method) ?? false));
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null || type == typeof(string))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            foreach (var value in JsonValues)
            {
                yield return (Send($"{{\"{name}\":{value}}}"), $"{name} = {Describe(value)}");
            }

            yield return (Send($"{{\"{name}\":\"a\",\"{name}\":\"b\"}}"), $"{name} twice");
        }
    }

    /// <summary>The form field names a handler binds: the page's [BindProperty] models, one level into complex types and lists, and the handler's own parameters.</summary>
    private static IEnumerable<string> FormFields(Type model, string handler)
    {
        var bound = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null || model.GetCustomAttribute<BindPropertiesAttribute>() is not null);
        foreach (var property in bound)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSimple(type) || (ElementOf(type) is { } simpleElement && IsSimple(simpleElement)))
            {
                yield return property.Name;
                continue;
            }

            var (prefix, inner) = ElementOf(type) is { } element ? (property.Name + "[0].", element) : (property.Name + ".", type);
            foreach (var sub in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                yield return prefix + sub.Name;
            }
        }

        var method = model.GetMethods().FirstOrDefault(m => m.Name == $"OnPost{handler}Async" || m.Name == $"OnPost{handler}");
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            if (parameter.ParameterType != typeof(CancellationToken) && parameter.Name is { } name)
            {
                yield return name;
            }
        }
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime)
        || type == typeof(TimeOnly) || type == typeof(Guid) || (Nullable.GetUnderlyingType(type) is { } underlying && IsSimple(underlying));

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable
            ? enumerable.GetGenericArguments()[0]
            : null;

    private static string Describe(string value) => value.Length > 40 ? $"{value.Length} characters" : Regex.Escape(value);
}
