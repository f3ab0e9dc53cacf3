using Lotse.Data;
using Lotse.Features.Barriers;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;
using Lotse.Features.Positions;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Demo;

/// <summary>
/// The demo installation "Stadt Gelsenkirchen": districts, the coordination office, three fictional
/// welfare organisations, the authorities, partner services, the 18 KIM positions and demo sign-ins.
/// </summary>
public sealed class DemoSeeder(LotseDbContext db, UserAdministration users, IHostEnvironment environment, TimeProvider time)
{
    /// <summary>The one documented password of every demo sign-in.</summary>
    public const string DemoPassword = "Lotse-Demo-2026";

    // Inhabitants per Stadtbezirk: rounded demo values that add up to the city's about 265,000 (DOMAIN.md).
    private static readonly (string Bezirk, int Population, string[] Stadtteile)[] DistrictTree =
    [
        ("Gelsenkirchen-Mitte", 85_000, ["Altstadt", "Bismarck", "Bulmke-Hüllen", "Feldmark", "Heßler", "Schalke", "Schalke-Nord"]),
        ("Gelsenkirchen-Nord", 52_000, ["Buer", "Hassel", "Scholven"]),
        ("Gelsenkirchen-Ost", 38_000, ["Erle", "Resse", "Resser Mark"]),
        ("Gelsenkirchen-Süd", 52_000, ["Neustadt", "Ückendorf", "Rotthausen"]),
        ("Gelsenkirchen-West", 38_000, ["Horst", "Beckhausen"]),
    ];

    /// <summary>Seeds the demo when the database holds no organisation yet. Returns whether it seeded.</summary>
    /// <param name="progress">Told each step in plain German, for the operator watching the first start.</param>
    /// <param name="cancellationToken">Stops the seeding; nothing is kept then.</param>
    public async Task<bool> SeedIfEmptyAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return false;
        }

        await SeedAsync(progress, cancellationToken);
        return true;
    }

    /// <summary>Seeds the demo into an empty installation, in one transaction.</summary>
    /// <param name="progress">Told each step in plain German, for the operator watching the first start.</param>
    /// <param name="cancellationToken">Stops the seeding; nothing is kept then.</param>
    public async Task SeedAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= _ => { };
        var started = time.GetTimestamp();
        if (environment.IsProduction())
        {
            throw new InvalidOperationException("The demo installation is refused in the Production environment.");
        }

        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds organisations; the demo is seeded only into an empty installation.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        progress("Demo „Stadt Gelsenkirchen“ wird angelegt (einmalig, etwa eine halbe Minute): Stadtbezirke, Organisationen, Teams, Stellen …");

        var bezirke = new Dictionary<string, District>();
        var order = 0;
        foreach (var (bezirk, population, stadtteile) in DistrictTree)
        {
            var parent = new District { Name = bezirk, Level = DistrictLevel.Stadtbezirk, SortOrder = ++order, Population = population };
            bezirke[bezirk.Replace("Gelsenkirchen-", string.Empty, StringComparison.Ordinal)] = parent;
            db.Districts.Add(parent);
            var childOrder = 0;
            foreach (var stadtteil in stadtteile)
            {
                db.Districts.Add(new District { Name = stadtteil, Level = DistrictLevel.Stadtteil, Parent = parent, SortOrder = ++childOrder });
            }
        }

        var city = Org("Stadt Gelsenkirchen – Referat Zuwanderung und Integration", "KI Gelsenkirchen", OrganizationKind.CityCoordination);
        var welfareA = Org("Brückenwerk Emscher e. V.", "Brückenwerk", OrganizationKind.WelfareOrganization);
        var welfareB = Org("Nachbarschaftshilfe Ruhrbogen gGmbH", "Ruhrbogen", OrganizationKind.WelfareOrganization);
        var welfareC = Org("Sozialwerk Zeche Morgenrot e. V.", "Morgenrot", OrganizationKind.WelfareOrganization);
        var abh = Org("Stadt Gelsenkirchen – Ausländerbehörde", "ABH", OrganizationKind.ForeignersAuthority);
        var ebb = Org("Stadt Gelsenkirchen – Einbürgerungsbehörde", "EBB", OrganizationKind.NaturalisationAuthority);
        var jobcenter = Org("Jobcenter Gelsenkirchen – Integrationscenter für Arbeit", "IAG", OrganizationKind.Jobcenter);
        var language = Org("Sprachschule Glückauf (Integrationskurse)", "Glückauf", OrganizationKind.OtherPartner);
        Org("Familienkasse (Demo-Partner)", null, OrganizationKind.OtherPartner);
        Org("Schuldnerberatung Emscher-Lippe (fiktiv)", null, OrganizationKind.OtherPartner);
        Org("Migrationsberatung für Erwachsene und Jugendmigrationsdienst (fiktiv)", "MBE/JMD", OrganizationKind.OtherPartner);
        Org("Stadt Gelsenkirchen – Gesundheitsamt", null, OrganizationKind.OtherPartner);
        Org("Stadt Gelsenkirchen – Wohnungsamt", null, OrganizationKind.OtherPartner);
        Org("Stadt Gelsenkirchen – Kita-Büro und Schulamt", null, OrganizationKind.OtherPartner);

        var teamMitte = Team(welfareA, "Fallmanagement Mitte", bezirke["Mitte"]);
        var teamNord = Team(welfareA, "Fallmanagement Nord", bezirke["Nord"]);
        var teamSued = Team(welfareB, "Fallmanagement Süd", bezirke["Süd"]);
        var teamWest = Team(welfareB, "Fallmanagement West", bezirke["West"]);
        var teamOst = Team(welfareC, "Fallmanagement Ost", bezirke["Ost"]);
        var teamKoordination = Team(city, "Koordination KIM");

        // 18 positions: 3 coordination, 12 case management, 2 naturalisation office, 1 foreigners' authority.
        // About 1.12 million EUR a year, 69 % paid by the state.
        Positions(city, FundingModule.Coordination, "Koordination KIM", 3);
        Positions(welfareA, FundingModule.CaseManagement, "Fallmanagement Mitte/Nord", 5);
        Positions(welfareB, FundingModule.CaseManagement, "Fallmanagement Süd/West", 4);
        Positions(welfareC, FundingModule.CaseManagement, "Fallmanagement Ost", 3);
        Positions(ebb, FundingModule.Authorities, "Einbürgerung (Baustein 3)", 2);
        Positions(abh, FundingModule.Authorities, "Aufenthaltssicherung §§ 25a/25b (Baustein 3)", 1);
        _ = jobcenter;

        await db.SaveChangesAsync(cancellationToken);

        progress("… 12 Demo-Anmeldungen (Passwörter werden gehasht) …");
        await User("fm.mitte@demo.lotse", "Leyla Demir", welfareA, teamMitte, Roles.CaseManager);
        await User("fm.nord@demo.lotse", "Jonas Becker", welfareA, teamNord, Roles.CaseManager);
        await User("fm.sued@demo.lotse", "Ana Popescu", welfareB, teamSued, Roles.CaseManager);
        await User("fm.west@demo.lotse", "Karim Haddad", welfareB, teamWest, Roles.CaseManager);
        await User("fm.ost@demo.lotse", "Olena Kovalenko", welfareC, teamOst, Roles.CaseManager);
        await User("teamleitung@demo.lotse", "Sabine Kowalski", welfareA, teamMitte, Roles.TeamLead);
        await User("koordination@demo.lotse", "Thomas Brinkmann", city, teamKoordination, Roles.Coordinator);
        await User("abh@demo.lotse", "Michael Schulte", abh, null, Roles.AuthorityStaff);
        await User("einbuergerung@demo.lotse", "Aylin Şahin", ebb, null, Roles.AuthorityStaff);
        await User("partner@demo.lotse", "Petra Nowak", language, null, Roles.PartnerStaff);
        await User("datenschutz@demo.lotse", "Dr. Frank Wessel", city, null, Roles.DataProtectionOfficer);
        await User("admin@demo.lotse", "Lotse Administration", city, null, Roles.Admin);

        var caseManagers = await db.Users.Where(u => u.Email!.StartsWith("fm.")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        await AssignHoldersAsync(cancellationToken);
        progress("… Klient:innen, Fälle, Kontakte und Ziele …");
        await new DemoClients(db, time).SeedAsync(caseManagers, cancellationToken);
        progress("… Angebote, Einwilligungen und Vermittlungen …");
        await new DemoNetwork(db, time).SeedAsync(cancellationToken);
        await SeedBarriersAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        progress($"Demo angelegt in {time.GetElapsedTime(started).TotalSeconds:0} s.");
    }

    private Organization Org(string name, string? shortName, OrganizationKind kind)
    {
        var organization = new Organization { Name = name, ShortName = shortName, Kind = kind };
        db.Organizations.Add(organization);
        return organization;
    }

    private Team Team(Organization organization, string name, District? covers = null)
    {
        var team = new Team { Name = name, Organization = organization };
        if (covers is not null)
        {
            team.Districts.Add(covers);
        }

        db.Teams.Add(team);
        return team;
    }

    /// <summary>The demo staff hold the first positions of their organisation; one position is vacant since two months, the rest since the start.</summary>
    private async Task AssignHoldersAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var positions = await db.Positions.OrderBy(p => p.Title).ToListAsync(cancellationToken);
        string[] holders = ["fm.mitte@demo.lotse", "fm.nord@demo.lotse", "teamleitung@demo.lotse", "fm.sued@demo.lotse", "fm.west@demo.lotse", "fm.ost@demo.lotse",
            "koordination@demo.lotse", "abh@demo.lotse", "einbuergerung@demo.lotse"];
        var staff = await db.Users.Where(u => holders.Contains(u.Email!)).ToListAsync(cancellationToken);
        var months = 3;
        foreach (var user in staff.OrderBy(u => Array.IndexOf(holders, u.Email)))
        {
            if (positions.FirstOrDefault(p => p.OrganizationId == user.OrganizationId && p.HolderId == null) is { } position)
            {
                (position.HolderId, position.FilledSince) = (user.Id, today.AddMonths(-(months += 5)));
            }
        }

        if (positions.FirstOrDefault(p => p.HolderId == null && p.Module == FundingModule.CaseManagement) is { } vacant)
        {
            vacant.VacantSince = today.AddMonths(-2);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Three structural barriers the demo case managers met, in different stages of review.</summary>
    private async Task SeedBarriersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Cases.Where(c => c.ClosedOn == null).OrderBy(c => c.Reference).Select(c => new { c.Id, c.OrganizationId }).ToListAsync(cancellationToken);
        (BarrierCategory Category, string Institution, string Description, BarrierStatus Status, int Cases)[] barriers =
        [
            (BarrierCategory.WaitingTime, "Ausländerbehörde – Terminvergabe", "Termine zur Verlängerung von Aufenthaltstiteln erst Wochen nach Ablauf; die Fiktionsbescheinigung kommt zu spät für Arbeitgeber und Jobcenter.", BarrierStatus.SteeringGroup, 9),
            (BarrierCategory.NoCapacity, "Integrationskurse mit Kinderbetreuung", "Für Mütter kleiner Kinder keine freien Plätze vor Ablauf von sechs Monaten.", BarrierStatus.New, 6),
            (BarrierCategory.Documents, "Jobcenter – Wohnungsnachweis", "Für den Antrag wird eine Meldebescheinigung verlangt, die ohne Wohnung nicht zu bekommen ist.", BarrierStatus.InProgress, 3),
        ];
        var offset = 0;
        foreach (var (category, institution, description, status, count) in barriers)
        {
            var cases = open.Skip(offset).Take(count).ToList();
            offset += count;
            var barrier = new Features.Barriers.Barrier { Category = category, Institution = institution, Description = description, Status = status, CreatedByOrganizationId = cases[0].OrganizationId };
            barrier.Cases.AddRange(cases.Select(c => new BarrierCase { CaseId = c.Id, At = now }));
            db.Barriers.Add(barrier);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Positions(Organization organization, FundingModule module, string title, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            db.Positions.Add(new Position
            {
                Title = count > 1 ? $"{title} ({i})" : title,
                Module = module,
                Organization = organization,
                Fte = 1.0m,
                AnnualCost = 62_000m,
                FundingRate = 0.69m,
            });
        }
    }

    private async Task User(string email, string name, Organization organization, Team? team, params string[] roles)
    {
        var (result, _) = await users.CreateAsync(new UserInput(email, name, organization.Id, team?.Id, roles), DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }
}
