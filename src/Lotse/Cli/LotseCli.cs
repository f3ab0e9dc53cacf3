using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Catalogs;
using Lotse.Features.Demo;
using Lotse.Features.Offers.Hsds;
using Lotse.Features.Organizations;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Cli;

/// <summary>
/// The operator's commands, in the same executable as the app:
/// <c>migrate</c>, <c>seed-demo</c>, <c>create-admin</c>, <c>tokens</c>, <c>import-hsds</c>, <c>audit verify</c> and <c>retention run</c>.
/// </summary>
public static class LotseCli
{
    private static readonly string[] Commands = ["migrate", "seed-demo", "create-admin", "tokens", "import-hsds", "audit", "retention", "export-stats", "import-stats"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "-?");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var root = new RootCommand("Lotse – Fallmanagement für das Kommunale Integrationsmanagement. Ohne Befehl startet die Web-Anwendung.");
        root.Subcommands.Add(Migrate(services, output));
        root.Subcommands.Add(SeedDemo(services, output));
        root.Subcommands.Add(CreateAdmin(services, output));
        root.Subcommands.Add(Tokens(services, output));
        root.Subcommands.Add(ImportHsds(services, output));
        root.Subcommands.Add(Audit(services, output));
        root.Subcommands.Add(Retention(services, output));
        root.Subcommands.Add(ExportStats(services, output));
        root.Subcommands.Add(ImportStats(services, output));

        var configuration = new InvocationConfiguration { Output = output, Error = output };
        return await root.Parse(args).InvokeAsync(configuration);
    }

    private static Command Audit(IServiceProvider services, TextWriter output)
    {
        var audit = new Command("audit", "The tamper-evident audit log.");
        var verify = new Command("verify", "Seals new entries, then checks the whole hash chain; names the first broken entry and exits 1 when the chain is broken.");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            await chain.SealAsync(cancellationToken);
            var result = await chain.VerifyAsync(cancellationToken);
            if (!result.Intact)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Audit chain BROKEN at entry {result.FirstBrokenId}: {result.Problem}. {result.Checked} entries before it are intact."));
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Audit chain intact: {result.Checked} entries, head {result.HeadHash ?? "(empty)"}, {result.Unsealed} not yet sealed."));
            return 0;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static Command ExportStats(IServiceProvider services, TextWriter output)
    {
        var from = new Option<DateOnly>("--from") { Description = "First day of the period (YYYY-MM-DD).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day of the period (YYYY-MM-DD).", Required = true };
        var file = new Option<FileInfo>("--out") { Description = "The JSON file to write.", Required = true };
        var kommune = new Option<string?>("--kommune") { Description = "The Kommune's name in the file (default: Lotse:InstallationName)." };
        var command = new Command("export-stats", "Writes the anonymised KIM report of a period, small numbers suppressed, as the state-level exchange file (docs/stats-exchange.md).") { from, to, file, kommune };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (start, end) = (result.GetValue(from), result.GetValue(to));
            if (end < start)
            {
                await output.WriteLineAsync("--to lies before --from.");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            // The rules of figures that leave (ADR 012): on the grid, a running period up to its last complete month.
            var period = Features.Reports.ReportPeriod.Resolve(start, end, scope.ServiceProvider.GetRequiredService<TimeProvider>(), onGrid: true);
            if (period.Error is not null)
            {
                await output.WriteLineAsync("The exchange file covers a calendar month, quarter, half-year or year with at least one complete month (ADR 012).");
                return 1;
            }

            (start, end) = (period.From, period.To);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            var whole = new Features.Reports.ReportScope();
            var report = await scope.ServiceProvider.GetRequiredService<Features.Reports.FirstPrints>().CompareAsync(
                await scope.ServiceProvider.GetRequiredService<Features.Reports.KimReportService>().BuildAsync(start, end, whole, suppress: true, cancellationToken), whole, cancellationToken);
            var name = result.GetValue(kommune) ?? scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LotseOptions>>().Value.InstallationName;
            var stats = Features.State.StatsFile.Of(report, name, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var path = result.GetValue(file)!;
            await File.WriteAllTextAsync(path.FullName, System.Text.Json.JsonSerializer.Serialize(stats, Features.State.StatsFile.Json), cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditOperation.Export, "KimReport", null, null, string.Create(CultureInfo.InvariantCulture, $"export-stats {start:yyyy-MM-dd}..{end:yyyy-MM-dd}"), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {path.FullName}: {name}, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}, {stats.Tables.Count} tables."));
            return 0;
        });
        return command;
    }

    private static Command ImportStats(IServiceProvider services, TextWriter output)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Exchange files of one or more Kommunen.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import-stats", "Imports state-level exchange files; a file for the same Kommune and period replaces the earlier one.") { files };
        command.SetAction(async (result, cancellationToken) =>
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            var failed = 0;
            foreach (var path in result.GetValue(files)!)
            {
                if (!path.Exists)
                {
                    await output.WriteLineAsync($"{path.Name}: file not found.");
                    failed++;
                    continue;
                }

                var (stats, error) = Features.State.StatsFile.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken));
                if (stats is null)
                {
                    await output.WriteLineAsync($"{path.Name}: {error}");
                    failed++;
                    continue;
                }

                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
                var existing = await db.ImportedStatistics.SingleOrDefaultAsync(s => s.Kommune == stats.Kommune && s.From == stats.From && s.To == stats.To, cancellationToken);
                if (existing is null)
                {
                    existing = new Features.State.ImportedStatistics { Kommune = stats.Kommune, Json = string.Empty };
                    db.ImportedStatistics.Add(existing);
                }

                (existing.From, existing.To, existing.CreatedAt, existing.ImportedAt) = (stats.From, stats.To, stats.CreatedAt, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                existing.Json = System.Text.Json.JsonSerializer.Serialize(stats, Features.State.StatsFile.Json);
                await db.SaveChangesAsync(cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path.Name}: imported {stats.Kommune}, {stats.From:yyyy-MM-dd} to {stats.To:yyyy-MM-dd}."));
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Retention(IServiceProvider services, TextWriter output)
    {
        var retention = new Command("retention", "Anonymises persons whose retention period after case closure has run out (Lotse:Retention:YearsAfterClosure).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report who is due; change nothing." };
        var run = new Command("run", "Runs retention now, as the daily job does; prints what was (or would be) anonymised and what is held.") { dryRun };
        run.SetAction(async (result, cancellationToken) =>
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<Features.Privacy.RetentionService>();
            var outcome = await service.RunAsync(result.GetValue(dryRun), cancellationToken);
            var upcoming = await service.DueUntilAsync(outcome.Today.AddMonths(12), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Retention {outcome.Today:yyyy-MM-dd} ({service.Years} years after closure){(outcome.DryRun ? ", dry run" : "")}: {outcome.Due} due, {outcome.Anonymised} {(outcome.DryRun ? "would be anonymised" : "anonymised")}, {outcome.HeldByLegalHold} held by legal hold, {outcome.HeldByRestriction} by restriction."));
            foreach (var month in upcoming.Where(c => c.DueOn > outcome.Today).GroupBy(c => c.DueOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  due in {month.Key}: {month.Count()}"));
            }

            foreach (var failure in outcome.Failures)
            {
                await output.WriteLineAsync($"  failed: {failure}");
            }

            return outcome.Failures.Count == 0 ? 0 : 1;
        });
        retention.Subcommands.Add(run);
        return retention;
    }

    private static Command ImportHsds(IServiceProvider services, TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "HSDS 3.0 JSON: one service, an array of services or a page with \"contents\"." };
        var needArea = new Option<string?>("--need-area") { Description = $"Need area for services without a Lotse need-area term (default: {HsdsImport.DefaultNeedArea})." };
        var command = new Command("import-hsds", "Imports offers from Open Referral HSDS 3.0 JSON. Idempotent: ids are kept, unchanged offers stay untouched.") { file, needArea };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await output.WriteLineAsync($"File not found: {path.FullName}");
                return 1;
            }

            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BaseDataSeeder>().SeedAsync(cancellationToken);
            try
            {
                var imported = await scope.ServiceProvider.GetRequiredService<HsdsImport>()
                    .ImportAsync(await File.ReadAllTextAsync(path.FullName, cancellationToken), result.GetValue(needArea), cancellationToken);
                foreach (var warning in imported.Warnings)
                {
                    await output.WriteLineAsync(warning);
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"HSDS import: {imported.Created} created, {imported.Updated} updated, {imported.Unchanged} unchanged, {imported.OrganizationsCreated} organisations created."));
                return 0;
            }
            catch (RuleViolationException violation)
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, violation.Key, violation.Arguments));
                return 1;
            }
        });
        return command;
    }

    private static Command Migrate(IServiceProvider services, TextWriter output)
    {
        var command = new Command("migrate", "Applies pending database migrations and seeds roles and default catalogues.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BaseDataSeeder>().SeedAsync(cancellationToken);
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });
        return command;
    }

    private static Command SeedDemo(IServiceProvider services, TextWriter output)
    {
        var command = new Command("seed-demo", "Seeds the demo installation \"Stadt Gelsenkirchen\" into an empty database. Refused in Production.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BaseDataSeeder>().SeedAsync(cancellationToken);
            try
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(output.WriteLine, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                await output.WriteLineAsync(e.Message);
                return 1;
            }

            await output.WriteLineAsync($"Demo seeded. Sign in as e.g. fm.mitte@demo.lotse with the password {DemoSeeder.DemoPassword}.");
            return 0;
        });
        return command;
    }

    private static Command CreateAdmin(IServiceProvider services, TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "E-mail address (the sign-in name) of the administrator.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name; defaults to the e-mail address." };
        var organization = new Option<string?>("--organization") { Description = "Name of the organisation; created as Stadt/Koordination when missing. Defaults to the first city organisation." };
        var command = new Command("create-admin", "Creates an administrator with a generated one-time password (printed once).") { email, name, organization };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var orgName = parse.GetValue(organization);
            var org = orgName is null
                ? await db.Organizations.OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(o => o.Kind == OrganizationKind.CityCoordination, cancellationToken)
                : await db.Organizations.FirstOrDefaultAsync(o => o.Name == orgName, cancellationToken);
            if (org is null)
            {
                org = new Organization { Name = orgName ?? "Stadtverwaltung", Kind = OrganizationKind.CityCoordination };
                db.Organizations.Add(org);
                await db.SaveChangesAsync(cancellationToken);
            }

            var password = GeneratePassword();
            var address = parse.GetRequiredValue(email);
            var (result, _) = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new UserInput(address, parse.GetValue(name) ?? address, org.Id, null, [Roles.Admin]), password, cancellationToken);
            if (!result.Succeeded)
            {
                await output.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
                return 1;
            }

            await output.WriteLineAsync($"Administrator {address} created in {org.Name}. One-time password (change it after the first sign-in):");
            await output.WriteLineAsync(password);
            return 0;
        });
        return command;
    }

    private static Command Tokens(IServiceProvider services, TextWriter output)
    {
        var tokens = new Command("tokens", "Personal access tokens for the API.");

        var user = new Option<string>("--user") { Description = "E-mail address of the token's owner.", Required = true };
        var name = new Option<string?>("--name") { Description = "A name that tells the token apart, e.g. the calling system." };
        var expires = new Option<int?>("--expires-days") { Description = "Days until the token expires; without it the token does not expire." };
        var create = new Command("create", "Creates a token; the token itself is the last line of the output and is shown only once.") { user, name, expires };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var owner = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(parse.GetRequiredValue(user));
            if (owner is null || !owner.IsActive)
            {
                await output.WriteLineAsync("No active user with that e-mail address.");
                return 1;
            }

            var days = parse.GetValue(expires);
            if (days is <= 0)
            {
                await output.WriteLineAsync("--expires-days must be a positive number of days.");
                return 1;
            }

            var (token, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>()
                .CreateAsync(owner.Id, parse.GetValue(name) ?? "CLI", days, cancellationToken);
            await output.WriteLineAsync($"Token {token.Id} for {owner.Email}" +
                (token.ExpiresAt is { } at ? $", valid until {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC:" : ", without expiry:"));
            await output.WriteLineAsync(secret);
            return 0;
        });

        var listUser = new Option<string?>("--user") { Description = "Only the tokens of this user." };
        var list = new Command("list", "Lists tokens (never the secrets).") { listUser };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            Guid? ownerId = null;
            if (parse.GetValue(listUser) is { } email)
            {
                var owner = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
                if (owner is null)
                {
                    await output.WriteLineAsync("No user with that e-mail address.");
                    return 1;
                }

                ownerId = owner.Id;
            }

            var all = await scope.ServiceProvider.GetRequiredService<TokenService>().ListAsync(ownerId, cancellationToken);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await output.WriteLineAsync("id\tuser\tname\tprefix\tcreated\texpires\tstate");
            foreach (var t in all)
            {
                var state = t.RevokedAt is not null ? "revoked" : t.IsUsableAt(now) ? "active" : "expired";
                await output.WriteLineAsync(string.Join('\t', t.Id, t.User?.Email, t.Name, t.Prefix + "…",
                    t.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    t.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", state));
            }

            return 0;
        });

        var id = new Argument<Guid>("id") { Description = "The id of the token (see tokens list)." };
        var revoke = new Command("revoke", "Revokes a token at once.") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var revoked = await scope.ServiceProvider.GetRequiredService<TokenService>().RevokeAsync(parse.GetValue(id), null, cancellationToken);
            await output.WriteLineAsync(revoked ? "Token revoked." : "No token with that id.");
            return revoked ? 0 : 1;
        });

        tokens.Subcommands.Add(create);
        tokens.Subcommands.Add(list);
        tokens.Subcommands.Add(revoke);
        return tokens;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
