using Lotse.Cli;

namespace Lotse.Tests.Support;

public static class LotseCommand
{
    /// <summary>Runs a command of the executable against the test host's services.</summary>
    public static async Task<(int ExitCode, string[] Lines)> RunAsync(LotseFactory app, params string[] args)
    {
        await using var output = new StringWriter();
        var exitCode = await LotseCli.RunAsync(app.Services, args, output);
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
