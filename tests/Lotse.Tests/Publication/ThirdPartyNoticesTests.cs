using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lotse.Tests.Localization;

namespace Lotse.Tests.Publication;

/// <summary>THIRD-PARTY-NOTICES.md names every package the application ships, with its version and licence.</summary>
public sealed partial class ThirdPartyNoticesTests
{
    [GeneratedRegex(@"^\| \[(?<name>[^\]]+)\]\([^)]*\) \| (?<version>[^|]+) \| (?<licence>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [Fact]
    public void Every_package_of_the_app_is_listed_with_its_version_and_licence()
    {
        var root = TranslationTests.RepositoryRoot();
        var notices = Row().Matches(File.ReadAllText(Path.Combine(root, "THIRD-PARTY-NOTICES.md")))
            .ToDictionary(m => m.Groups["name"].Value, m => (Version: m.Groups["version"].Value.Trim(), Licence: m.Groups["licence"].Value.Trim()), StringComparer.OrdinalIgnoreCase);

        // What restore resolved for the app (the same closure the SBOM lists), and each package's own licence.
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src", "Lotse", "obj", "project.assets.json")))!;
        var folder = assets["packageFolders"]!.AsObject().First().Key;
        var problems = new List<string>();
        foreach (var (key, library) in assets["libraries"]!.AsObject())
        {
            if (library!["type"]!.GetValue<string>() != "package")
            {
                continue;
            }

            var (name, version) = (key.Split('/')[0], key.Split('/')[1]);
            var nuspec = XDocument.Load(Path.Combine(folder, library["path"]!.GetValue<string>(), name.ToLowerInvariant() + ".nuspec"));
            var licence = nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "license" && (string?)e.Attribute("type") == "expression")?.Value;
            if (!notices.TryGetValue(name, out var listed))
            {
                problems.Add($"| [{name}](https://www.nuget.org/packages/{name}/{version}) | {version} | {licence} | … |");
            }
            else if (listed.Version != version || (licence is not null && listed.Licence != licence))
            {
                problems.Add($"{name}: listed as {listed.Version} {listed.Licence}, restored {version} {licence}");
            }
        }

        Assert.True(problems.Count == 0, "Update THIRD-PARTY-NOTICES.md:\n" + string.Join('\n', problems));
    }
}
