using System.Globalization;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Demo;

/// <summary>
/// About 300 demo clients in households, with residence statuses and cases in every phase,
/// assessments, goals, encounters and deadlines. A fixed random seed makes the data the same on
/// every run (dates are relative to the day of seeding), so tests can rely on it.
/// </summary>
internal sealed partial class DemoClients(LotseDbContext db, TimeProvider time)
{
    private const int Households = 150;

    private static readonly string[] NeedAreas =
        ["aufenthalt", "sprache", "arbeit", "ausbildung", "schule", "kita", "wohnen", "gesundheit", "existenzsicherung", "finanzen", "familie", "einbuergerung", "teilhabe", "psychosozial"];

    private static readonly string[] AccessRoutes = ["selbstmelder", "aufsuchend", "jobcenter", "sozialamt", "abh", "schule-kita", "mbe-jmd", "beratungsstelle", "familie"];

    private static readonly string[] EncounterKinds = ["buero", "sprechstunde", "telefon", "hausbesuch", "begleitung", "schriftlich"];

    private static readonly (string Area, string Goal, string Step)[] GoalIdeas =
    [
        ("sprache", "Integrationskurs bis B1 abschließen", "Anmeldung beim Kursträger"),
        ("arbeit", "Eine Stelle im erlernten Beruf finden", "Lebenslauf auf Deutsch erstellen"),
        ("ausbildung", "Berufsabschluss anerkennen lassen", "Unterlagen für die Anerkennungsstelle übersetzen lassen"),
        ("wohnen", "Eine größere Wohnung finden", "Wohnberechtigungsschein beantragen"),
        ("existenzsicherung", "Kindergeld beziehen", "Antrag bei der Familienkasse stellen"),
        ("finanzen", "Schulden ordnen", "Termin bei der Schuldnerberatung wahrnehmen"),
        ("kita", "Kita-Platz für das jüngste Kind", "Anmeldung im Kita-Portal"),
        ("gesundheit", "Hausärztliche Versorgung sichern", "Hausarztpraxis in der Nähe finden"),
        ("aufenthalt", "Aufenthalt nach § 25b sichern", "Nachweise für den Antrag sammeln"),
        ("schule", "Schulplatz für die Kinder", "Termin beim Schulamt"),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, User> caseManagers, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var districts = await db.Districts.Include(d => d.Parent).Where(d => d.Level == DistrictLevel.Stadtteil).ToListAsync(cancellationToken);
        var teams = await db.Teams.Include(t => t.Districts).ToListAsync(cancellationToken);
        var references = new Dictionary<Guid, int>();

        // Stadtbezirk → the case manager whose team covers it.
        var byBezirk = teams.Where(t => t.Districts.Count > 0)
            .SelectMany(t => t.Districts.Select(d => (d.Name, Manager: caseManagers.Values.First(u => u.TeamId == t.Id))))
            .ToDictionary(x => x.Name, x => x.Manager);

        for (var h = 0; h < Households; h++)
        {
            var pool = Pick(random, DemoPeople.Pools, DemoPeople.Weights);
            var district = districts[random.Next(districts.Count)];
            var manager = byBezirk[district.Parent!.Name];
            var family = pool.Family[random.Next(pool.Family.Length)];
            var household = Guid.CreateVersion7();
            var adults = random.Next(10) < 6 ? 2 : 1;
            var children = random.Next(4);
            var members = new List<Client>();
            for (var m = 0; m < adults + children; m++)
            {
                var child = m >= adults;
                var sex = m == 0 ? (random.Next(2) == 0 ? Sex.Female : Sex.Male) : m == 1 ? (members[0].Sex == Sex.Female ? Sex.Male : Sex.Female) : (random.Next(2) == 0 ? Sex.Female : Sex.Male);
                var given = sex == Sex.Female ? pool.Female[random.Next(pool.Female.Length)] : pool.Male[random.Next(pool.Male.Length)];
                var familyName = DemoPeople.FamilyFor(pool, family, sex);
                var year = child ? today.Year - 1 - random.Next(16) : today.Year - 22 - random.Next(40);
                // Documents without a known birthday carry 01.01.; some files know only the year.
                var birth = random.Next(12) switch
                {
                    0 => $"{year}-01-01",
                    1 => $"{year}",
                    _ => $"{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
                };
                var client = NewClient(manager.OrganizationId, given, familyName, birth, sex, pool, district, household, now, random);
                members.Add(client);
            }

            db.Clients.AddRange(members);
            var main = members[0];
            AddResidenceStatus(main, pool, today, random, now);
            if (random.Next(10) < 9)
            {
                var phase = PickPhase(random);
                AddCase(main, members.Skip(1).Where(_ => random.Next(2) == 0).ToList(), manager, phase, today, now, random, references);
            }
        }

        AddKnownPeople(caseManagers, districts, today, now, references);
        AddAppointments(caseManagers.Values, today, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// People the tests and the demo walk-through rely on: a client of Brückenwerk in Mitte without a
    /// case yet, whose file also holds the Arabic spelling; a second record of the same person spelled
    /// differently; a near-miss who is someone else; and a client of Ruhrbogen in Süd with a case.
    /// </summary>
    private void AddKnownPeople(IReadOnlyDictionary<string, User> managers, List<District> districts, DateOnly today, DateTime now, Dictionary<Guid, int> references)
    {
        var mitte = managers["fm.mitte@demo.lotse"];
        var sued = managers["fm.sued@demo.lotse"];
        var schalke = districts.First(d => d.Name == "Schalke");
        var ueckendorf = districts.First(d => d.Name == "Ückendorf");
        var syria = DemoPeople.Pools[0];
        var romania = DemoPeople.Pools[4];
        var random = new Random(7);

        var hasan = NewClient(mitte.OrganizationId, new("Mohammed", "محمد"), new("Al Hasan", "الحسن"), "1988-03-14", Sex.Male, syria, schalke, Guid.CreateVersion7(), now, random);
        hasan.Phone = "0209 555 0142";
        db.Clients.Add(hasan);
        AddResidenceStatus(hasan, syria, today, random, now);

        var sameHasan = NewClient(mitte.OrganizationId, new("Muhamad"), new("Alhassan"), "1988", Sex.Male, syria, schalke, null, now, random);
        db.Clients.Add(sameHasan);

        var hussein = NewClient(mitte.OrganizationId, new("Mohammed"), new("Hussein"), "1991-06-02", Sex.Male, DemoPeople.Pools[1], schalke, null, now, random);
        db.Clients.Add(hussein);

        var popescu = NewClient(sued.OrganizationId, new("Ana"), new("Popescu"), "1985-07-02", Sex.Female, romania, ueckendorf, Guid.CreateVersion7(), now, random);
        db.Clients.Add(popescu);
        AddCase(popescu, [], sued, CasePhase.Assessment, today, now, random, references);
    }

    private static Client NewClient(Guid organizationId, DemoPeople.Name given, DemoPeople.Name family, string birth, Sex sex, DemoPeople.Pool pool,
        District district, Guid? household, DateTime now, Random random)
    {
        var client = new Client
        {
            OrganizationId = organizationId,
            GivenName = given.Latin,
            FamilyName = family.Latin,
            BirthDate = birth,
            Sex = sex,
            Nationalities = [pool.Country],
            Languages = [.. pool.Languages.Take(1 + random.Next(pool.Languages.Length)), .. random.Next(3) == 0 ? new[] { "de" } : []],
            InterpreterNeeded = random.Next(3) > 0,
            InterpreterLanguage = pool.Languages[0],
            City = "Gelsenkirchen",
            PostalCode = "458" + random.Next(79, 100).ToString(CultureInfo.InvariantCulture),
            DistrictId = district.Id,
            HouseholdId = household,
            EntryDate = DateOnly.FromDateTime(now).AddDays(-random.Next(60, 3000)),
        };
        if (given.Native is not null || family.Native is not null)
        {
            client.OtherSpellings.Add(new ClientAlias { ClientId = client.Id, GivenName = given.Native ?? given.Latin, FamilyName = family.Native ?? family.Latin });
        }

        ClientMatching.RefreshKeys(client);
        return client;
    }

    private static void AddResidenceStatus(Client client, DemoPeople.Pool pool, DateOnly today, Random random, DateTime now)
    {
        var (kind, basis, years) = pool.Country switch
        {
            "RO" or "BG" or "PL" or "IT" => ("freizuegigkeit", "FreizügG/EU", 0),
            "UA" => ("aufenthaltserlaubnis", "§ 24 AufenthG", 2),
            "TR" => (random.Next(2) == 0 ? "niederlassung" : "aufenthaltserlaubnis", random.Next(2) == 0 ? "§ 9 AufenthG" : "§ 30 AufenthG", 3),
            _ => random.Next(5) switch
            {
                0 => ("duldung", "§ 60a AufenthG", 0),
                1 => ("gestattung", "§ 55 AsylG", 0),
                _ => ("aufenthaltserlaubnis", "§ 25 Abs. 2 AufenthG", 3),
            },
        };
        var from = today.AddDays(-random.Next(100, 900));
        DateOnly? until = kind switch
        {
            "freizuegigkeit" or "niederlassung" => null,
            "duldung" or "gestattung" => today.AddDays(random.Next(-20, 180)),
            _ => today.AddDays(random.Next(10, 500)),
        };
        client.ResidenceStatuses.Add(new ResidenceStatus { ClientId = client.Id, KindCode = kind, LegalBasis = basis, ValidFrom = from, ValidUntil = until, CreatedAt = now });
        _ = years;
    }

    private void AddCase(Client client, List<Client> members, User manager, CasePhase phase, DateOnly today, DateTime now, Random random, Dictionary<Guid, int> references)
    {
        var openedDaysAgo = phase switch
        {
            CasePhase.Clearing => random.Next(1, 30),
            CasePhase.Assessment => random.Next(20, 60),
            CasePhase.Planning => random.Next(40, 100),
            CasePhase.Implementation => random.Next(60, 400),
            CasePhase.Evaluation => random.Next(200, 500),
            _ => random.Next(250, 700),
        };
        var opened = today.AddDays(-openedDaysAgo);
        references[manager.OrganizationId] = references.GetValueOrDefault(manager.OrganizationId) + 1;
        var @case = new Case
        {
            Reference = $"F-{opened.Year}-D{references[manager.OrganizationId]:000}",
            ClientId = client.Id,
            OrganizationId = manager.OrganizationId,
            TeamId = manager.TeamId,
            ResponsibleUserId = manager.Id,
            Phase = phase,
            AccessRouteCode = AccessRoutes[random.Next(AccessRoutes.Length)],
            OpenedOn = opened,
        };
        @case.Members.AddRange(members.Select(m => new CaseMember { ClientId = m.Id }));
        var at = opened.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        @case.PhaseChanges.Add(new CasePhaseChange { To = CasePhase.Clearing, At = at, UserId = manager.Id, Note = "eröffnet" });
        foreach (var step in CasePhases.Journey.Where(p => p > CasePhase.Clearing && p <= phase))
        {
            at = at.AddDays(Math.Max(1, openedDaysAgo / 6));
            @case.PhaseChanges.Add(new CasePhaseChange { From = step - 1, To = step, At = at, UserId = manager.Id });
        }

        if (phase == CasePhase.Closed)
        {
            @case.ClosedOn = DateOnly.FromDateTime(at);
            @case.ClosureReasonCode = random.Next(3) switch { 0 => "ziele-erreicht", 1 => "uebergabe-regeldienst", _ => "kontaktabbruch" };
        }

        db.Cases.Add(@case);
        if (phase >= CasePhase.Assessment)
        {
            AddWork(@case, manager, phase, opened, today, now, random);
        }

        // The derived deadline of the current residence status, as ClientService keeps it in live use.
        if (phase != CasePhase.Closed && client.ResidenceStatuses.LastOrDefault() is { ValidUntil: { } until } status)
        {
            db.Deadlines.Add(new Deadline
            {
                CaseId = @case.Id,
                Title = $"Aufenthaltsstatus läuft ab: {status.LegalBasis}",
                Kind = DeadlineKind.ResidenceExpiry,
                ResidenceStatusId = status.Id,
                DueOn = until,
                LeadDays = 56,
                DoneOn = until < today.AddDays(-7) ? until : null,
            });
        }
    }

    private static CasePhase PickPhase(Random random) => random.Next(20) switch
    {
        < 3 => CasePhase.Clearing,
        < 6 => CasePhase.Assessment,
        < 9 => CasePhase.Planning,
        < 15 => CasePhase.Implementation,
        < 17 => CasePhase.Evaluation,
        _ => CasePhase.Closed,
    };

    private static T Pick<T>(Random random, T[] items, int[] weights)
    {
        var value = random.Next(weights.Sum());
        for (var i = 0; i < items.Length; i++)
        {
            value -= weights[i];
            if (value < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }
}
