using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Lotse.Bench;

/// <summary>Writes a run as <c>bench/results/{date}-{scale}-{db}[-label].md</c> and <c>.json</c>.</summary>
internal static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(RunOptions options, List<Measurement> results, TimeSpan startup, double peakMegabytes, Dictionary<string, long> counts, TextWriter output, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(BenchProgram.Root, "bench", "results");
        Directory.CreateDirectory(directory);
        var db = options.Database.Provider.ToString().ToLowerInvariant();
        var slug = options.Label is { Length: > 0 } label ? "-" + string.Concat(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') : "";
        var name = $"{DateTime.UtcNow:yyyy-MM-dd-HHmm}-{options.Scale.Name}-{db}{slug}";
        var machine = Machine();
        var headline = results.Where(r => r.Target == "lotse").GroupBy(r => r.Scenario).Select(g =>
        {
            var atLevel = g.OrderBy(r => Math.Abs(r.Concurrency - 32)).First();
            var floor = results.FirstOrDefault(f => f.Target == "floor" && f.Scenario == g.Key && f.Concurrency == atLevel.Concurrency);
            return new
            {
                Scenario = g.Key,
                atLevel.Concurrency,
                LotseP95 = atLevel.P95,
                FloorP95 = floor?.P95,
                RatioP95 = floor is null ? (double?)null : LoadRunner.Ratio(atLevel.P95, floor.P95),
                RatioThroughput = floor is null ? (double?)null : LoadRunner.Ratio(floor.Rps, atLevel.Rps),
            };
        }).ToList();

        await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(new
        {
            Date = DateTime.UtcNow,
            Scale = options.Scale.Name,
            Database = db,
            options.Label,
            options.Command,
            Machine = machine,
            Rows = counts,
            StartupMilliseconds = startup.TotalMilliseconds,
            ServerPeakMemoryMegabytes = peakMegabytes,
            SecondsPerMeasurement = options.Seconds,
            Headline = headline,
            Measurements = results,
        }, Json), cancellationToken);

        static string F(double value, string format = "0.0") => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Bench {options.Scale.Name} on {db}{(options.Label is null ? "" : " — " + options.Label)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{options.Command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Lotse start-up to ready (`/health/ready`): {F(startup.TotalMilliseconds, "0")} ms; server peak memory (VmHWM): {F(peakMegabytes, "0")} MB");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Each cell: {options.Seconds} s after 1 s warm-up. Lotse, the floor server and this load runner share the machine's {Environment.ProcessorCount} cores; CPU shares are of all cores.");
        md.AppendLine();
        md.AppendLine("## Headline: Lotse / floor at 32 concurrent clients");
        md.AppendLine();
        md.AppendLine("| Scenario | Lotse p95 ms | Floor p95 ms | Ratio p95 | Ratio throughput |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var h in headline)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {h.Scenario} | {F(h.LotseP95)} | {(h.FloorP95 is { } f ? F(f) : "–")} | {(h.RatioP95 is { } r ? F(r) + "×" : "– (write)")} | {(h.RatioThroughput is { } t ? F(t) + "×" : "–")} |");
        }

        md.AppendLine();
        md.AppendLine("## All measurements");
        md.AppendLine();
        md.AppendLine("| Scenario | c | Target | Requests | Errors | p50 ms | p95 ms | p99 ms | req/s | Server CPU | Runner CPU |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Concurrency} | {r.Target} | {r.Requests:N0} | {r.Errors}{(r.FirstError is null ? "" : $" ({r.FirstError})")} | {F(r.P50)} | {F(r.P95)} | {F(r.P99)} | {F(r.Rps, "0")} | {F(100 * r.ServerCpuShare, "0")} % | {F(100 * r.RunnerCpuShare, "0")} % |");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), md.ToString(), cancellationToken);
        output.WriteLine($"Results: bench/results/{name}.md");
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : "0";
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
