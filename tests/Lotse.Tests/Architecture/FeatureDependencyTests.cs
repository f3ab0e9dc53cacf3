using Lotse.Tests.Localization;
using NetArchTest.Rules;

namespace Lotse.Tests.Architecture;

/// <summary>
/// The dependency rules of ADR 015 over the compiled assembly: a feature uses only the features of
/// lower layers, plus the debts recorded below. Types and Razor views count alike, and so does a
/// fully qualified name: the rule reads the IL, not the <c>using</c> lines.
/// </summary>
public sealed class FeatureDependencyTests
{
    /// <summary>The layers of ADR 015, lowest first. A feature may use the features of any lower layer.</summary>
    internal static readonly string[][] Layers =
    [
        ["Districts"],
        ["Organizations"],
        ["Users"],
        ["Tokens", "Catalogs", "Positions"],
        ["Audit"],
        ["Clients"],
        ["Cases"],
        ["Calendar", "Encounters", "Consultations", "Documents", "Consents", "Offers", "Barriers"],
        ["Referrals"],
        ["MyDay", "Reports", "Privacy", "Admin", "Account", "Shared"],
        ["Home", "State", "Demo", "Legal"],
    ];

    /// <summary>
    /// Dependencies against the layers that exist today, each with its reason. The list only shrinks:
    /// a debt that is paid fails <see cref="Every_recorded_debt_still_exists"/> until it is removed here.
    /// </summary>
    internal static readonly (string From, string To, string Why)[] Debts =
    [
        ("Audit", "Cases", "AuditLog and AuditSearch ask whether an audited case is anonymised; belongs behind IPersonalData."),
        ("Audit", "Clients", "AuditLog asks whether an audited client is anonymised; belongs behind IPersonalData."),
        ("Clients", "Cases", "the client rule admits whoever works one of the person's cases; the client file lists the cases."),
        ("Clients", "Consents", "the client file shows the consents (god page, issue 14 item 4)."),
        ("Clients", "Documents", "the client file shows the documents (god page, issue 14 item 4)."),
        ("Clients", "Privacy", "the client file carries the erasure button and the retention date (god page)."),
        ("Cases", "Barriers", "the case page carries the barrier section (god page)."),
        ("Cases", "Offers", "the case overview names the offer of each referral."),
        ("Cases", "Referrals", "the case overview and page list the case's referrals (god page)."),
        ("Consents", "Referrals", "withdrawing a consent withdraws the referrals that rest on it."),
        ("Offers", "Referrals", "the offer statistics count referrals per offer."),
        ("Barriers", "Referrals", "the barrier list links evidence from declined referrals."),
        ("Barriers", "Reports", "the barrier statistics use the report's small-number rule and median."),
    ];

    private static readonly Types Assembly = Types.InAssembly(typeof(LotseApp).Assembly);

    private static readonly Lazy<Dictionary<(string From, string To), IReadOnlyList<string>>> Graph = new(Measure);

    [Fact]
    public void Every_feature_folder_has_a_layer()
    {
        var layered = Layers.SelectMany(l => l).ToHashSet();
        var features = Directory.GetDirectories(Path.Combine(TranslationTests.RepositoryRoot(), "src", "Lotse", "Features")).Select(Path.GetFileName).OfType<string>();
        var unlayered = features.Where(f => !layered.Contains(f)).ToList();
        Assert.True(unlayered.Count == 0, "No layer in ADR 015: " + string.Join(", ", unlayered));
    }

    [Fact]
    public void A_feature_uses_only_lower_layers_and_the_recorded_debts()
    {
        var debts = Debts.Select(d => (d.From, d.To)).ToHashSet();
        var forbidden = Graph.Value
            .Where(edge => LayerOf(edge.Key.To) >= LayerOf(edge.Key.From) && !debts.Contains(edge.Key))
            .Select(edge => $"{edge.Key.From} → {edge.Key.To} ({string.Join(", ", edge.Value.Take(5))})")
            .ToList();
        Assert.True(forbidden.Count == 0, "Forbidden by ADR 015 (use a lower layer, or move the code to the feature that may):\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void Every_recorded_debt_still_exists()
    {
        var paid = Debts.Where(d => !Graph.Value.ContainsKey((d.From, d.To))).Select(d => $"{d.From} → {d.To}").ToList();
        Assert.True(paid.Count == 0, "Paid off, remove from FeatureDependencyTests.Debts and ADR 015: " + string.Join(", ", paid));
    }

    [Fact]
    public void A_debt_points_upwards_or_sideways()
    {
        var needless = Debts.Where(d => LayerOf(d.To) < LayerOf(d.From)).Select(d => $"{d.From} → {d.To}").ToList();
        Assert.True(needless.Count == 0, "Allowed by the layers anyway: " + string.Join(", ", needless));
    }

    [Fact]
    public void Shared_plumbing_and_base_parts_use_no_feature()
    {
        foreach (var shared in new[] { "Lotse.Web", "Lotse.TagHelpers" })
        {
            var result = Assembly.That().ResideInNamespace(shared).ShouldNot().HaveDependencyOn("Lotse.Features").GetResult();
            Assert.True(result.IsSuccessful, $"{shared} uses a feature: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    private static int LayerOf(string feature) => Array.FindIndex(Layers, l => l.Contains(feature)) is var i and >= 0
        ? i
        : throw new InvalidOperationException($"Feature {feature} has no layer in ADR 015.");

    /// <summary>Every dependency between two features, with the types that carry it.</summary>
    private static Dictionary<(string From, string To), IReadOnlyList<string>> Measure()
    {
        var features = Layers.SelectMany(l => l).ToList();
        var graph = new Dictionary<(string From, string To), IReadOnlyList<string>>();
        foreach (var from in features)
        {
            foreach (var to in features.Where(to => to != from))
            {
                var code = Assembly.That().ResideInNamespace($"Lotse.Features.{from}").ShouldNot().HaveDependencyOn($"Lotse.Features.{to}").GetResult();
                var views = Assembly.That().HaveNameStartingWith($"Features_{from}_").ShouldNot().HaveDependencyOn($"Lotse.Features.{to}").GetResult();
                var carriers = (code.FailingTypeNames ?? []).Concat(views.FailingTypeNames ?? []).Select(n => n.Split('.')[^1]).Distinct().ToList();
                if (carriers.Count > 0)
                {
                    graph[(from, to)] = carriers;
                }
            }
        }

        return graph;
    }
}
