using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Features.Users;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Reports;

/// <summary>
/// The KIM report over a small fixed data set of one organisation, figures worked out by hand
/// (see the comments), with and without small-number protection.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed class KimReportTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private readonly LotseFactory app = new();
    private Guid organizationId;

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        organizationId = await SeedAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_report_counts_cases_persons_needs_outcomes_referrals_and_contacts_as_worked_out_by_hand()
    {
        var report = await BuildAsync(suppress: false);

        // 13 cases opened in 2026 (J1–J10, S1, S2, A1), all active in it; J1–J6 closed. X1 closed in 2025: not counted.
        Assert.Equal([13, 13, 6], Values(report["cases"]));
        Assert.Equal(5, Value(report["closure"], "ziele-erreicht"));
        Assert.Equal(1, Value(report["closure"], "wegzug"));
        Assert.Equal(6, report["closure"].Total!.Value);
        Assert.Equal((10, 2, 1), (Value(report["access"], "jobcenter"), Value(report["access"], "selbstmelder"), Value(report["access"], "aufsuchend")));

        // 13 clients and H1, a household member in J7's case.
        Assert.Equal((13, 1, 14), (Value(report["persons"], "clients"), Value(report["persons"], "household"), report["persons"].Total!.Value));
        Assert.Equal((8, 5, 0, 1), (Value(report["sex"], "Female"), Value(report["sex"], "Male"), Value(report["sex"], "Diverse"), Value(report["sex"], "Unknown")));
        // Ages at 31.12.2026: J3 16, H1 7 | J9 21, J10 22 | J1, J2 36, J4 31, J7 38, J8 27, S2 34 | J5 56, S1 46 | J6 76 | A1 unknown.
        Assert.Equal([2, 2, 6, 2, 1, 1], Values(report["age"]));
        Assert.Equal(12, Value(report["nationality"], "SY"));
        Assert.Equal(2, Value(report["nationality"], "UA"));

        // J1–J5: Sprache first 1, 2, 1, 2, 1 and latest 3, 3, 4, 4, 2: +2 +1 +3 +2 +1 = 9 / 5.
        var language = report["outcomes"].Rows.Single(r => r.Key == "sprache");
        Assert.Equal((1.8m, 5L), (language.Value, language.Basis));
        // Needs: J1–J5 first ratings all ≤ 2, plus J7–J10: 9; latest ≤ 2: J5 and J7–J10: 5.
        Assert.Equal(9, Value(report["needsIntake"], "sprache"));
        Assert.Equal(5, Value(report["needsNow"], "sprache"));

        // Goals J1 achieved, J2 partly achieved, J3–J6 open.
        Assert.Equal((4, 1, 1), (Value(report["goals"], "Open"), Value(report["goals"], "Achieved"), Value(report["goals"], "PartlyAchieved")));

        // Referrals of J1–J6: accepted, completed, declined, sent, completed, in progress.
        // Answered 5, of them accepted 4: 80 %. Answer times 2, 1, 4, 3, 5 days: median 3.
        Assert.Equal(6, report["referralStatus"].Total!.Value);
        Assert.Equal(80.0m, Value(report["referralMeasures"], "acceptance"));
        Assert.Equal(3.0m, Value(report["referralMeasures"], "answerDays"));
        Assert.Equal(2, Value(report["referralOutcome"], "hilfe-erhalten"));

        // Ten contacts with J1 of 30 minutes, five with an interpreter.
        Assert.Equal([10m, 5.0m, 50.0m], report["encounters"].Rows.Select(r => r.Value!.Value));

        // J1–J5 and J7–J10 opened 01.02., first assessment 10.02.: 9 days; J1–J6 first goal 21.02.: 20 days.
        Assert.Equal([9.0m, 20.0m], report["durations"].Rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public async Task Outside_the_organisation_cells_below_5_show_as_less_than_5_and_a_lone_hidden_cell_takes_its_smallest_neighbour_along()
    {
        // The rule's choice of cells on exact figures (a table without record keys carries no noise): with noise
        // the same choice is made on the published numbers, which differ from run to run (DifferencingAttackTests).
        var open = await BuildAsync(suppress: false);
        var report = open with
        {
            Tables = Disclosure.Protect([.. open.Tables.Select(t => t with { Rows = [.. t.Rows.Select(Exact)], Total = t.Total is { } total ? Exact(total) : null })], []),
        };

        // Closure: wegzug 1 is below 5; alone, it could be worked out from the total 6. Hiding ziele-erreicht 5 would not
        // help ("•" means at least 5, so 6 − 5 still pins wegzug to 1); hiding the total (the closed cases, at most the
        // 13 active) does: wegzug is then anything from 1 to 4.
        Assert.Equal(("< 5", "5", "•", "•"), (Shown(report["closure"], "wegzug"), Shown(report["closure"], "ziele-erreicht"), report["closure"].Total!.Display(), Shown(report["cases"], "closed")));
        // Sex: the one person without an answer is hidden, and with it the first other group whose hiding leaves it open:
        // female (8); 14 − 5 − (at least 5) leaves 1 to 4.
        Assert.Equal(("•", "5", "0", "< 5"), (Shown(report["sex"], "Female"), Shown(report["sex"], "Male"), Shown(report["sex"], "Diverse"), Shown(report["sex"], "Unknown")));
        // Access: two small cells 2 and 1 alone would add up to 13 − 10 = 3, which leaves each only two values: jobcenter is hidden too.
        Assert.Equal(("•", "< 5", "< 5", "13"), (Shown(report["access"], "jobcenter"), Shown(report["access"], "selbstmelder"), Shown(report["access"], "aufsuchend"), report["access"].Total!.Display()));
        // Persons: the one household member is hidden, so are the 13 clients; the total 14 stays.
        Assert.Equal(("•", "< 5", "14"), (Shown(report["persons"], "clients"), Shown(report["persons"], "household"), report["persons"].Total!.Display()));
        // An average from 5 cases is shown, a count of 1 is not.
        Assert.Equal("1,8", report["outcomes"].Rows.Single(r => r.Key == "sprache").Display(ReportFiles.Format(report["outcomes"].Rows.Single(r => r.Key == "sprache"))));
        Assert.Equal("< 5", Shown(report["goals"], "Achieved"));

        // No hidden number leaves in the files.
        var csv = System.Text.Encoding.UTF8.GetString(ReportFiles.Csv(report));
        Assert.Contains("Abgeschlossene Fälle nach Abschlussgrund;Wegzug;;< 5;Anzahl", csv, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossene Fälle nach Abschlussgrund;Ziele erreicht;5;5;Anzahl", csv, StringComparison.Ordinal);
        Assert.Contains("Abgeschlossene Fälle nach Abschlussgrund;insgesamt;;•;Anzahl", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_needs_map_counts_open_cases_with_a_need_per_district_rolled_up_to_the_level_with_rates_and_the_counts_behind_a_cell()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<NeedsMapService>();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var bezirk = await db.Districts.SingleAsync(d => d.Name == "Testbezirk");
        var teil = await db.Districts.SingleAsync(d => d.Name == "Testteil");

        // Open cases with a latest rating ≤ 2 in Sprache: J7 (Testteil), J8 (Testbezirk), J9, J10 (no district); J5 is closed.
        var byBezirk = await service.BuildAsync(new ReportScope(organizationId), Lotse.Features.Districts.DistrictLevel.Stadtbezirk, suppress: false, CancellationToken.None);
        Assert.Equal((2L, 1.0m), (byBezirk.Cell("sprache", bezirk.Id).Count, byBezirk.Cell("sprache", bezirk.Id).PerThousand!.Value));
        Assert.Equal(2L, byBezirk.Cell("sprache", null).Count);
        Assert.Equal(0L, byBezirk.Cell("arbeit", bezirk.Id).Count);
        var byTeil = await service.BuildAsync(new ReportScope(organizationId), Lotse.Features.Districts.DistrictLevel.Stadtteil, suppress: false, CancellationToken.None);
        // J8 lives in the Stadtbezirk, not in one of its Stadtteile.
        Assert.Equal((1L, 3L), (byTeil.Cell("sprache", teil.Id).Count, byTeil.Cell("sprache", null).Count));

        var suppressed = await service.BuildAsync(new ReportScope(organizationId), Lotse.Features.Districts.DistrictLevel.Stadtbezirk, suppress: true, CancellationToken.None);
        Assert.Equal((CellState.Small, (decimal?)null), (suppressed.Cell("sprache", bezirk.Id).State, suppressed.Cell("sprache", bezirk.Id).PerThousand));

        var behind = await service.DrillDownAsync(new ReportScope(organizationId), "sprache", bezirk.Id, suppress: false, CancellationToken.None);
        Assert.Equal(2, behind.Single(t => t.Key == "rating").Rows.Single(r => r.Key == "1").Value);
        Assert.Equal((1m, 1m), (behind.Single(t => t.Key == "sex").Rows.Single(r => r.Key == "Female").Value!.Value, behind.Single(t => t.Key == "sex").Rows.Single(r => r.Key == "Male").Value!.Value));
    }

    [Fact]
    public void Secondary_suppression_hides_the_smallest_other_cell_only_when_one_cell_is_hidden()
    {
        Assert.Equal([CellState.Small, CellState.Secondary, CellState.Shown], Suppression.States([3, 7, 9]));
        Assert.Equal([CellState.Small, CellState.Small, CellState.Shown], Suppression.States([3, 2, 9]));
        Assert.Equal([CellState.Shown, CellState.Shown, CellState.Shown], Suppression.States([0, 5, 9]));
        Assert.Equal([CellState.Small, CellState.Shown], Suppression.States([4, 0]));
    }

    private async Task<KimReportData> BuildAsync(bool suppress)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KimReportService>().BuildAsync(From, To, new ReportScope(organizationId), suppress, CancellationToken.None);
    }

    private static Cell Exact(Cell cell) => cell with { RecordKeys = null, Atoms = null };

    private static decimal? Value(Table table, string key) => table.Rows.Single(r => r.Key == key).Value;

    private static string Shown(Table table, string key) => table.Rows.Single(r => r.Key == key).Display();

    private static decimal[] Values(Table table) => [.. table.Rows.Select(r => r.Value ?? -1)];

    private async Task<Guid> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var organization = new Organization { Name = "Testträger Bericht", Kind = OrganizationKind.WelfareOrganization };
        var manager = new User { UserName = "bericht@test.lotse", Email = "bericht@test.lotse", DisplayName = "Berta Bericht", OrganizationId = organization.Id };
        db.Organizations.Add(organization);
        db.Users.Add(manager);
        var number = 0;
        Client Person(string name, Sex sex, string? born, string nationality) => new()
        {
            OrganizationId = organization.Id,
            GivenName = name,
            FamilyName = "Bericht",
            Sex = sex,
            BirthDate = born,
            Nationalities = [nationality],
        };
        Case Open(Client client, string route, DateOnly opened, DateOnly? closed = null, string? reason = null)
        {
            var @case = new Case
            {
                Reference = $"T-{++number:0000}",
                ClientId = client.Id,
                OrganizationId = organization.Id,
                ResponsibleUserId = manager.Id,
                AccessRouteCode = route,
                OpenedOn = opened,
                ClosedOn = closed,
                ClosureReasonCode = reason,
                Phase = closed is null ? CasePhase.Implementation : CasePhase.Closed,
            };
            db.Clients.Add(client);
            db.Cases.Add(@case);
            return @case;
        }

        var feb1 = new DateOnly(2026, 2, 1);
        string?[] born = ["1990", "1990", "2010-05-01", "1995", "1970", "1950", "1988", "1999", "2005", "2004"];
        var j = new List<Case>();
        for (var i = 0; i < 10; i++)
        {
            var closed = i < 6 ? new DateOnly(2026, 6, 30) : (DateOnly?)null;
            j.Add(Open(Person($"J{i + 1}", i < 7 ? Sex.Female : Sex.Male, born[i], "SY"), "jobcenter", feb1, closed, i < 5 ? "ziele-erreicht" : i == 5 ? "wegzug" : null));
        }

        Open(Person("S1", Sex.Female, "1980", "UA"), "selbstmelder", new DateOnly(2026, 3, 1));
        Open(Person("S2", Sex.Male, "1992", "UA"), "selbstmelder", new DateOnly(2026, 3, 1));
        Open(Person("A1", Sex.Male, null, "SY"), "aufsuchend", new DateOnly(2026, 3, 1));
        Open(Person("X1", Sex.Female, "1980", "IQ"), "jobcenter", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 1), "wegzug");
        var household = Person("H1", Sex.Unknown, "2019", "SY");
        db.Clients.Add(household);
        j[6].Members.Add(new CaseMember { ClientId = household.Id });

        // J7–J10 (open) have one assessment with an acute language need; J7 lives in a Stadtteil of the
        // test Stadtbezirk (2,000 inhabitants), J8 in the Stadtbezirk itself, J9 and J10 nowhere known.
        var bezirk = new Lotse.Features.Districts.District { Name = "Testbezirk", Level = Lotse.Features.Districts.DistrictLevel.Stadtbezirk, Population = 2000, SortOrder = 99 };
        var teil = new Lotse.Features.Districts.District { Name = "Testteil", Level = Lotse.Features.Districts.DistrictLevel.Stadtteil, Parent = bezirk };
        db.Districts.AddRange(bezirk, teil);
        var clients = db.ChangeTracker.Entries<Client>().Select(e => e.Entity).ToDictionary(c => c.Id);
        clients[j[6].ClientId].DistrictId = teil.Id;
        clients[j[7].ClientId].DistrictId = bezirk.Id;
        for (var i = 6; i < 10; i++)
        {
            db.Assessments.Add(new Assessment { CaseId = j[i].Id, Date = new DateOnly(2026, 2, 10), UserId = manager.Id, Ratings = [new() { NeedAreaCode = "sprache", Rating = 1 }] });
        }

        int[] first = [1, 2, 1, 2, 1];
        int[] latest = [3, 3, 4, 4, 2];
        for (var i = 0; i < 5; i++)
        {
            db.Assessments.Add(new Assessment { CaseId = j[i].Id, Date = new DateOnly(2026, 2, 10), UserId = manager.Id, Ratings = [new() { NeedAreaCode = "sprache", Rating = first[i] }] });
            db.Assessments.Add(new Assessment { CaseId = j[i].Id, Date = new DateOnly(2026, 5, 10), UserId = manager.Id, Ratings = [new() { NeedAreaCode = "sprache", Rating = latest[i] }] });
        }

        GoalStatus[] goals = [GoalStatus.Achieved, GoalStatus.PartlyAchieved, GoalStatus.Open, GoalStatus.Open, GoalStatus.Open, GoalStatus.Open];
        for (var i = 0; i < 6; i++)
        {
            db.Goals.Add(new Goal { CaseId = j[i].Id, NeedAreaCode = "sprache", Title = "B1", AgreedOn = new DateOnly(2026, 2, 21), Status = goals[i] });
        }

        var partner = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.OtherPartner);
        (ReferralStatus Status, int? Days, string? Outcome)[] referrals =
            [(ReferralStatus.Accepted, 2, null), (ReferralStatus.Completed, 1, "hilfe-erhalten"), (ReferralStatus.Declined, 4, null), (ReferralStatus.Sent, null, null), (ReferralStatus.Completed, 3, "hilfe-erhalten"), (ReferralStatus.InProgress, 5, null)];
        for (var i = 0; i < 6; i++)
        {
            var sent = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
            db.Referrals.Add(new Referral
            {
                CaseId = j[i].Id,
                ClientId = j[i].ClientId,
                SenderOrganizationId = organization.Id,
                SenderUserId = manager.Id,
                Kind = ReferralKind.Offer,
                RecipientOrganizationId = partner.Id,
                NeedAreaCode = "sprache",
                Status = referrals[i].Status,
                SentAt = sent,
                FirstAnsweredAt = referrals[i].Days is { } d ? sent.AddDays(d) : null,
                OutcomeCode = referrals[i].Outcome,
            });
        }

        for (var i = 0; i < 10; i++)
        {
            db.Encounters.Add(new Encounter { CaseId = j[0].Id, UserId = manager.Id, At = new DateTime(2026, 3, 1 + i, 10, 0, 0, DateTimeKind.Utc), DurationMinutes = 30, KindCode = "buero", InterpreterUsed = i % 2 == 0 });
        }

        await db.SaveChangesAsync();
        return organization.Id;
    }
}
