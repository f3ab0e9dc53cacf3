using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Lotse.Security;

/// <summary>
/// Links that leave Lotse — the single-use answer link a case manager passes to an organisation
/// without an account, a calendar feed URL — are built from <see cref="LotseOptions.PublicBaseUrl"/>,
/// so a request with a forged Host header can never make Lotse hand out a link to another site.
/// </summary>
public sealed class PublicLinks(IOptions<LotseOptions> options, LinkGenerator links)
{
    public Uri BaseUrl { get; } = ParseBaseUrl(options.Value.PublicBaseUrl);

    /// <summary>The absolute public URL of a page with route values.</summary>
    public string Page(string page, object? values = null) =>
        Absolute(links.GetPathByPage(page, handler: null, values: values, pathBase: new PathString(BaseUrl.AbsolutePath.TrimEnd('/')))
            ?? throw new InvalidOperationException($"No route to {page}."));

    /// <summary>The absolute public URL of a path below the base, e.g. <c>/calendar/…ics</c>.</summary>
    public string Path(string path) => Absolute(BaseUrl.AbsolutePath.TrimEnd('/') + path);

    private string Absolute(string path) => BaseUrl.GetLeftPart(UriPartial.Authority) + path;

    public static Uri ParseBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Query)
            ? uri
            : throw new InvalidOperationException($"Lotse:PublicBaseUrl must be an absolute http(s) URL without a query, e.g. https://lotse.example.de (is \"{value}\").");
}

/// <summary>Host filtering and forwarded headers from the installation's settings.</summary>
public static class HostingSetup
{
    public static IServiceCollection AddLotseHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicLinks>();
        var lotse = configuration.GetSection(LotseOptions.Section).Get<LotseOptions>() ?? new LotseOptions();
        var baseUrl = PublicLinks.ParseBaseUrl(lotse.PublicBaseUrl);

        // AllowedHosts set explicitly wins ("*" turns filtering off, e.g. for probes that send a pod's address);
        // otherwise the public host plus loopback (health checks, the node itself).
        var configured = configuration["AllowedHosts"];
        services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = string.IsNullOrWhiteSpace(configured)
                ? [baseUrl.Host, "localhost", "127.0.0.1", "[::1]"]
                : [.. configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            o.AllowEmptyHosts = false;
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only loopback and the configured proxies are believed; ASPNETCORE_FORWARDEDHEADERS_ENABLED would otherwise empty the lists, which trusts everybody.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var proxy in lotse.TrustedProxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"Lotse:TrustedProxies: \"{proxy}\" is neither an IP address nor a network such as 10.0.0.0/24.");
                }
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
