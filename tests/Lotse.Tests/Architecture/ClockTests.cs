using System.Text.RegularExpressions;
using Lotse.Tests.Localization;

namespace Lotse.Tests.Architecture;

/// <summary>
/// Time comes from the injected <see cref="TimeProvider"/>: in the app, so that tests can set it
/// (<c>LotseFactory.Clock</c>), and in the tests, so that they agree with the app about today.
/// </summary>
public sealed partial class ClockTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex StaticClock();

    /// <summary>The machine's time zone: a server on UTC would show and read every time an hour or two off.</summary>
    [GeneratedRegex(@"\.ToLocalTime\(\)|\.ToUniversalTime\(\)|DateTimeKind\.Local\b|TimeZoneInfo\.Local\b")]
    private static partial Regex MachineZone();

    [Theory]
    [InlineData("src")]
    [InlineData("tests")]
    public void Nothing_reads_the_static_clock(string folder)
    {
        var readers = Lines(folder, StaticClock());
        Assert.True(readers.Count == 0, "Use the injected TimeProvider (in tests: app.Clock, app.Today):\n" + string.Join("\n", readers));
    }

    [Fact]
    public void The_app_never_uses_the_machines_time_zone()
    {
        var readers = Lines("src", MachineZone(), except: Path.Combine("src", "Lotse", "LocalZone.cs"));
        Assert.True(readers.Count == 0, "Read and show times through LocalZone (views: x.In(Zone)), never in the server's zone:\n" + string.Join("\n", readers));
    }

    private static List<string> Lines(string folder, Regex pattern, string? except = null)
    {
        var root = TranslationTests.RepositoryRoot();
        var self = Path.Combine(root, "tests", "Lotse.Tests", "Architecture", "ClockTests.cs");
        var exempt = except is null ? null : Path.Combine(root, except);
        return Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != self && f != exempt)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => pattern.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}")
            .ToList();
    }
}
