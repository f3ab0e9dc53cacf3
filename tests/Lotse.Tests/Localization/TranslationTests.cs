using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lotse.Tests.Localization;

/// <summary>
/// UI texts are German and double as localisation keys. Every key the code uses must have an English
/// translation in SharedResource.en.resx, or English users see German.
/// </summary>
public sealed partial class TranslationTests
{
    // A C# string literal: regular ("...") or verbatim (@"...").
    private const string Literal = "(@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\")";

    private static readonly Regex[] KeyPatterns =
    [
        new(@"\b(?:L|localizer)\[\s*" + Literal),
        new(@"\bErrorMessage\s*=\s*" + Literal),
        new(@"\bAdminResult\.Fail\(\s*(?:""[^""]*""|[\w.]+)\s*,\s*" + Literal),
        new(@"\bnew RuleViolationException\(\s*(?:""[^""]*""|[\w.]+)\s*,\s*" + Literal),
        new(@"(?m)^\s*\[[A-Z]\w+\]\s*=\s*" + Literal),
    ];

    [GeneratedRegex(@"static string (?:DisplayName|CatalogName|GoalStatusName|ResponsibleName|StatusName|ActionName|EntityName|FieldName|ChannelName)\([^)]*\)\s*=>\s*[\w.()]+\s+switch\s*\{(.*?)\};", RegexOptions.Singleline)]
    private static partial Regex SwitchBody();

    [GeneratedRegex("=>\\s*(\"(?:[^\"\\\\\\n]|\\\\.)*\")")]
    private static partial Regex SwitchArm();

    [Fact]
    public void Every_ui_text_has_an_english_translation()
    {
        var app = Path.Combine(RepositoryRoot(), "src", "Lotse");
        var translated = XDocument.Load(Path.Combine(app, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var literals = KeyPatterns.SelectMany(p => p.Matches(text)).Select(m => m.Groups[1].Value)
                .Concat(SwitchBody().Matches(text).SelectMany(body => SwitchArm().Matches(body.Groups[1].Value)).Select(m => m.Groups[1].Value));
            keys.UnionWith(literals.Select(Value));
        }

        Assert.True(keys.Count > 200, $"only {keys.Count} keys found: is the pattern still right?");
        var missing = keys.Where(k => !translated.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Add English translations to SharedResource.en.resx for:\n" + string.Join('\n', missing));
    }

    private static string Value(string literal) =>
        literal.StartsWith('@') ? literal[2..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Regex.Unescape(literal[1..^1]);

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lotse.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Lotse.slnx not found above " + AppContext.BaseDirectory);
    }
}
