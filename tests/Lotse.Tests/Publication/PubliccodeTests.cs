using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Lotse.Tests.Localization;
using Lotse.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Lotse.Tests.Publication;

/// <summary>
/// publiccode.yml describes Lotse to catalogues of public software (openCode): it follows the standard's
/// core rules (docs/publiccode.schema.json) and says what the repository says.
/// </summary>
public sealed class PubliccodeTests
{
    private static readonly string Root = TranslationTests.RepositoryRoot();

    private static readonly string Schemas = Path.Combine(Root, "docs");

    private static JsonNode Publiccode() => Yaml.ToJson(File.ReadAllText(Path.Combine(Root, "publiccode.yml")));

    [Fact]
    public void Publiccode_yml_follows_the_standard()
    {
        var errors = HsdsSchemas.Validate(Schemas, "publiccode.schema.json", Publiccode());
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Publiccode_yml_says_what_the_repository_says()
    {
        var publiccode = Publiccode();
        var licence = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("PackageLicenseExpression").Single().Value;
        Assert.Equal(licence, publiccode["legal"]!["license"]!.GetValue<string>());
        Assert.Contains("EUPL", File.ReadAllText(Path.Combine(Root, "LICENSE")), StringComparison.Ordinal);

        // The languages it claims are the languages Lotse has: German and each translated resource.
        var translations = Directory.GetFiles(Path.Combine(Root, "src", "Lotse", "Resources"), "SharedResource.*.resx")
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('.')[1]);
        Assert.Equal(translations.Append("de").Order(StringComparer.Ordinal),
            publiccode["localisation"]!["availableLanguages"]!.AsArray().Select(l => l!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["de", "en"], publiccode["description"]!.AsObject().Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", publiccode["releaseDate"]!.GetValue<string>());
        Assert.True(DateOnly.ParseExact(publiccode["releaseDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) > new DateOnly(2026, 1, 1));
    }

    [Fact]
    public void The_schema_refuses_what_the_standard_forbids()
    {
        var broken = Publiccode();
        broken["description"]!["de"]!["shortDescription"] = new string('x', 151);
        broken["categories"] = new JsonArray("case-handling");
        broken["maintenance"] = new JsonObject { ["type"] = "community" };
        broken["localisation"]!["localisationReady"] = "yes";
        broken.AsObject().Remove("platforms");
        var errors = HsdsSchemas.Validate(Schemas, "publiccode.schema.json", broken);
        Assert.Contains(errors, e => e.Contains("/description/de/shortDescription", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/categories/0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/maintenance", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/localisation/localisationReady", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("platforms", StringComparison.Ordinal));
    }
}

/// <summary>YAML 1.2 (core schema) as JSON: plain scalars that read as booleans, null or numbers become those; quoted ones stay text.</summary>
internal static class Yaml
{
    public static JsonNode ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => plain.Value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            var text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException("Unsupported YAML node " + node.NodeType),
    };
}
