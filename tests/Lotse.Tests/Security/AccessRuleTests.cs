using System.Text.RegularExpressions;

namespace Lotse.Tests.Security;

/// <summary>
/// Access is decided by the resource's handler, through its gate: a page, endpoint or service of a
/// feature never asks for a role or calls the authorization service itself. Only the access files
/// (<c>*Access.cs</c>), the gates (<c>*Gate.cs</c>) and the navigation (the layout's menu, the start
/// page choosing the day by role) do.
/// </summary>
public sealed partial class AccessRuleTests
{
    private static readonly string[] Navigation = ["Shared/_Layout.cshtml", "Home/Index.cshtml.cs", "Home/_RoleStart.cshtml"];

    [GeneratedRegex(@"\b(IsInRole|AuthorizeAsync)\(")]
    private static partial Regex AccessCall();

    [Fact]
    public void No_feature_decides_access_outside_its_access_files_and_gates()
    {
        var features = Path.Combine(Localization.TranslationTests.RepositoryRoot(), "src", "Lotse", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(features, f).Replace('\\', '/'), Text: File.ReadAllLines(f)))
            .Where(f => !f.Path.EndsWith("Access.cs", StringComparison.Ordinal) && !f.Path.EndsWith("Gate.cs", StringComparison.Ordinal) && !Navigation.Contains(f.Path))
            .SelectMany(f => f.Text.Select((line, i) => (f.Path, Line: i + 1, Text: line.Trim())).Where(l => AccessCall().IsMatch(l.Text)))
            .Select(l => $"Features/{l.Path}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(offenders.Count == 0, "Move these decisions into the resource's handler (an *Access.cs file) and call it through its gate:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_rule_finds_a_role_check_in_a_page()
    {
        // The scan above must be able to fail: the pattern matches the calls it forbids.
        Assert.Matches(AccessCall(), "if (User.IsInRole(Roles.TeamLead))");
        Assert.Matches(AccessCall(), "await authorization.AuthorizeAsync(User, @case, CaseOperation.Edit)");
        Assert.DoesNotMatch(AccessCall(), "gate.OpenAsync(id, CaseOperation.Read)");
    }
}
