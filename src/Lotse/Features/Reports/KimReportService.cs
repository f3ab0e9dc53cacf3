using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Reports;

/// <summary>Whose cases the report counts: the installation, one organisation, one district (with its parts).</summary>
public sealed record ReportScope(Guid? OrganizationId = null, Guid? DistrictId = null);

/// <summary>
/// Computes the KIM report (issue 6, ADR 012). Every count is a GROUP BY in the database; only the
/// grouped rows, and for medians one number per case, come back. Definitions for a period
/// [from, to]: a case is new when opened in it, closed when closed in it, active when open at any
/// time of it; persons reached are the clients and household members of active cases; goals,
/// referrals and contacts count when agreed, sent or held in the period.
/// </summary>
public sealed partial class KimReportService(LotseDbContext db)
{
    public static readonly (string Key, string Label, int From, int To)[] AgeBands =
        [("0-17", "0–17", 0, 17), ("18-26", "18–26", 18, 26), ("27-44", "27–44", 27, 44), ("45-64", "45–64", 45, 64), ("65+", "65 und älter", 65, 200)];

    /// <summary>How many nationalities are shown by name; the rest are added up.</summary>
    public const int LargestNationalities = 6;

    public async Task<KimReportData> BuildAsync(DateOnly from, DateOnly to, ReportScope scope, bool suppress, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<CatalogKind, IReadOnlyDictionary<string, string>>();
        foreach (var kind in new[] { CatalogKind.ClosureReason, CatalogKind.AccessRoute, CatalogKind.NeedArea, CatalogKind.ResidenceStatusKind, CatalogKind.ReferralOutcome, CatalogKind.ReferralStatus })
        {
            labels[kind] = await CatalogLabels.LoadAsync(db, kind, cancellationToken: cancellationToken);
        }

        var cases = await ScopedCasesAsync(scope, cancellationToken);
        // For the whole installation every goal, referral and contact is in scope: no per-row check
        // against the cases (it cost seconds per table at state scale, bench/results).
        var whole = scope.OrganizationId is null && scope.DistrictId is null;
        // Days begin at midnight in Germany, not in UTC (ADR 012).
        var fromInstant = ReportPeriod.StartOf(from);
        var toInstant = ReportPeriod.StartOf(to.AddDays(1));
        var tables = new List<Table>();

        // Cases.
        // What happens in the period (new, closed, goals, referrals, contacts) is counted per calendar month:
        // the noise is drawn per month (Disclosure), so that periods of the grid add up as published.
        var active = await cases.Where(c => c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn >= from)).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Keys = g.Sum(c => (long)c.ReportKey) }).SingleOrDefaultAsync(cancellationToken);
        var closures = (await cases.Where(c => c.ClosedOn >= from && c.ClosedOn <= to).GroupBy(c => new { c.ClosureReasonCode, c.ClosedOn!.Value.Year, c.ClosedOn.Value.Month })
            .Select(g => new { g.Key.ClosureReasonCode, g.Key.Year, g.Key.Month, Count = g.Count(), Keys = g.Sum(c => (long)c.ReportKey) }).ToListAsync(cancellationToken))
            .Select(c => (c.ClosureReasonCode, new Atom(c.Count, c.Keys))).ToList();
        var routes = (await cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to).GroupBy(c => new { c.AccessRouteCode, c.OpenedOn.Year, c.OpenedOn.Month })
            .Select(g => new { g.Key.AccessRouteCode, g.Key.Year, g.Key.Month, Count = g.Count(), Keys = g.Sum(c => (long)c.ReportKey) }).ToListAsync(cancellationToken))
            .Select(c => (c.AccessRouteCode, new Atom(c.Count, c.Keys))).ToList();
        tables.Add(new Table("cases", "Fälle",
        [
            Flow("new", "neu eröffnet", routes.Select(r => r.Item2)),
            new Cell("active", "aktiv im Zeitraum", active?.Count ?? 0, RecordKeys: active?.Keys ?? 0),
            Flow("closed", "abgeschlossen im Zeitraum", closures.Select(c => c.Item2)),
        ], null));
        tables.Add(Counts("closure", "Abgeschlossene Fälle nach Abschlussgrund", Rows(labels[CatalogKind.ClosureReason], closures, flow: true)));
        tables.Add(Counts("access", "Neue Fälle nach Zugangsweg", Rows(labels[CatalogKind.AccessRoute], routes, flow: true)));

        // Persons reached: the clients and household members of active cases, each once.
        // The set of person ids is one UNION the database builds once (an OR of two EXISTS per client
        // row took minutes at state scale); sex, birth year and nationality come back in one GROUP BY.
        var activeCases = cases.Where(c => c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn >= from));
        var activeIds = activeCases.Select(c => c.Id);
        var activeClients = activeCases.Select(c => c.ClientId);
        var personIds = activeClients.Union(db.Set<CaseMember>().Where(m => activeIds.Contains(m.CaseId)).Select(m => m.ClientId));
        var persons = db.Clients.Where(p => personIds.Contains(p.Id));
        var main = await db.Clients.Where(p => activeClients.Contains(p.Id)).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Keys = g.Sum(p => (long)p.ReportKey) }).SingleOrDefaultAsync(cancellationToken) ?? new { Count = 0, Keys = 0L };
        var profile = await persons
            .GroupBy(p => new { p.Sex, Year = p.BirthDate == null ? null : p.BirthDate.Substring(0, 4), Nationality = p.Nationalities.Count == 0 ? null : p.Nationalities[0] })
            .Select(g => new { g.Key.Sex, g.Key.Year, g.Key.Nationality, Count = g.Count(), Keys = g.Sum(p => (long)p.ReportKey) })
            .ToListAsync(cancellationToken);
        var (all, allKeys) = (profile.Sum(p => p.Count), profile.Sum(p => p.Keys));
        tables.Add(Counts("persons", "Erreichte Personen", [new("clients", "Klient:innen", main.Count, RecordKeys: main.Keys), new("household", "weitere Haushaltsmitglieder", all - main.Count, RecordKeys: allKeys - main.Keys)]));
        tables.Add(Counts("sex", "Erreichte Personen nach Geschlecht",
            [.. Enum.GetValues<Sex>().Select(s => Stock(s.ToString(), SexLabel(s), profile.Where(x => x.Sex == s).Select(x => new Atom(x.Count, x.Keys))))]));
        var years = profile.GroupBy(p => p.Year).Select(g => new { g.Key, Atom = new Atom(g.Sum(p => p.Count), g.Sum(p => p.Keys)) }).ToList();
        tables.Add(Counts("age", "Erreichte Personen nach Alter am Ende des Zeitraums",
            [.. AgeBands.Select(b => Stock(b.Key, b.Label, years.Where(y => Age(y.Key, to) is { } a && a >= b.From && a <= b.To).Select(y => y.Atom))),
                Stock("unknown", "unbekannt", years.Where(y => Age(y.Key, to) is null).Select(y => y.Atom))]));
        var nationalities = profile.GroupBy(p => p.Nationality).Select(g => new { g.Key, Count = g.Sum(p => p.Count), Keys = g.Sum(p => p.Keys) }).ToList();
        // The largest by name in alphabetical order: in the order of their size, a hidden row would be bounded by its neighbours.
        // Chosen by their true size (a named one is among the six largest: ADR 012 lists this as known).
        var largest = nationalities.Where(n => n.Key != null).OrderByDescending(n => n.Count).ThenBy(n => n.Key, StringComparer.Ordinal).Take(LargestNationalities)
            .OrderBy(n => Countries.Name(n.Key!), StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), false)).ToList();
        tables.Add(Counts("nationality", "Erreichte Personen nach (erster) Staatsangehörigkeit",
            [.. largest.Select(n => new Cell(n.Key!, Countries.Name(n.Key!), n.Count, RecordKeys: n.Keys)),
                Stock("other", "andere", nationalities.Where(n => n.Key != null && !largest.Contains(n)).Select(n => new Atom(n.Count, n.Keys))),
                Stock("unknown", "unbekannt", nationalities.Where(n => n.Key == null).Select(n => new Atom(n.Count, n.Keys)))]));
        // The status at the end of the period: the latest that had begun by then (one without a start date counts once
        // recorded, as older than any dated one, the same on both databases).
        var statuses = await persons.Select(p => new
        {
            p.ReportKey,
            Kind = db.ResidenceStatuses.Where(s => s.ClientId == p.Id && (s.ValidFrom <= to || (s.ValidFrom == null && s.CreatedAt < toInstant)))
                .OrderByDescending(s => s.ValidFrom ?? DateOnly.MinValue).ThenByDescending(s => s.CreatedAt).Select(s => s.KindCode).FirstOrDefault(),
        })
            .GroupBy(x => x.Kind).Select(g => new { g.Key, Count = g.Count(), Keys = g.Sum(x => (long)x.ReportKey) }).ToListAsync(cancellationToken);
        tables.Add(Counts("residence", "Erreichte Personen nach Aufenthaltsstatus am Ende des Zeitraums", Rows(labels[CatalogKind.ResidenceStatusKind], statuses.Select(s => (s.Key, new Atom(s.Count, s.Keys))))));

        // Needs and outcomes from the assessments of active cases.
        // As of the end of the period: assessments made later do not change a past period's figures.
        var assessments = db.Assessments.Where(a => a.Date <= to);
        var ratings = db.Set<AssessmentRating>().Join(assessments, r => r.AssessmentId, a => a.Id, (r, a) => new { a.CaseId, a.Date, AssessmentId = a.Id, r.NeedAreaCode, r.Rating })
            .Where(r => activeIds.Contains(r.CaseId))
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r.CaseId, r.Date, r.AssessmentId, r.NeedAreaCode, r.Rating, CaseKey = c.ReportKey });
        var firsts = ratings.Where(r => !assessments.Any(o => o.CaseId == r.CaseId && (o.Date < r.Date || (o.Date == r.Date && o.Id.CompareTo(r.AssessmentId) < 0))));
        var latests = ratings.Where(r => !assessments.Any(o => o.CaseId == r.CaseId && (o.Date > r.Date || (o.Date == r.Date && o.Id.CompareTo(r.AssessmentId) > 0))));
        var intake = await firsts.Where(r => r.Rating != null && r.Rating <= 2).GroupBy(r => r.NeedAreaCode).Select(g => new { g.Key, Count = g.Count(), Keys = g.Sum(r => (long)r.CaseKey) }).ToListAsync(cancellationToken);
        var now = await latests.Where(r => r.Rating != null && r.Rating <= 2).GroupBy(r => r.NeedAreaCode).Select(g => new { g.Key, Count = g.Count(), Keys = g.Sum(r => (long)r.CaseKey) }).ToListAsync(cancellationToken);
        // Cases, not additive over need areas (a case can have several needs): no total.
        tables.Add(new Table("needsIntake", "Fälle mit Handlungsbedarf (Einschätzung 1–2) beim ersten Assessment", Rows(labels[CatalogKind.NeedArea], intake.Select(i => ((string?)i.Key, new Atom(i.Count, i.Keys)))), null));
        tables.Add(new Table("needsNow", "Fälle mit Handlungsbedarf (Einschätzung 1–2) beim letzten Assessment", Rows(labels[CatalogKind.NeedArea], now.Select(i => ((string?)i.Key, new Atom(i.Count, i.Keys)))), null));
        // Change per case and need area: its latest rating against its first, where they come from
        // two different assessments (a join of the two sets instead of a nested subquery per row).
        var changes = await (from l in latests
                             join f in firsts on new { l.CaseId, l.NeedAreaCode } equals new { f.CaseId, f.NeedAreaCode }
                             where l.Rating != null && f.Rating != null && f.AssessmentId != l.AssessmentId
                             group new { Change = l.Rating!.Value - f.Rating!.Value, l.CaseKey } by l.NeedAreaCode into g
                             select new { g.Key, Cases = g.Count(), Average = g.Average(x => (double)x.Change), Keys = g.Sum(x => (long)x.CaseKey) }).ToListAsync(cancellationToken);
        tables.Add(new Table("outcomes", "Veränderung der Einschätzung vom ersten zum letzten Assessment (Durchschnitt, + = besser)",
            [.. labels[CatalogKind.NeedArea].Select(a => changes.FirstOrDefault(c => c.Key == a.Key) is { } c
                ? new Cell(a.Key, a.Value, Math.Round((decimal)c.Average, 2), CellState.Shown, c.Cases, c.Keys)
                : new Cell(a.Key, a.Value, null, CellState.Shown, 0))], null, "Punkte"));

        // Goals agreed in the period and what became of them.
        var goals = await db.Goals.Where(g => (whole || cases.Any(c => c.Id == g.CaseId)) && g.AgreedOn >= from && g.AgreedOn <= to).GroupBy(g => new { g.Status, g.AgreedOn.Year, g.AgreedOn.Month })
            .Select(g => new { g.Key.Status, Count = g.Count(), Keys = g.Sum(x => (long)x.ReportKey) }).ToListAsync(cancellationToken);
        tables.Add(Counts("goals", "Im Zeitraum vereinbarte Ziele nach Ergebnis",
            [.. Enum.GetValues<GoalStatus>().Select(s => Flow(s.ToString(), CasePhases.GoalStatusName(s), goals.Where(g => g.Status == s).Select(g => new Atom(g.Count, g.Keys))))]));

        // Referrals sent in the period.
        var sent = db.Referrals.Where(r => (whole || cases.Any(c => c.Id == r.CaseId)) && r.SentAt >= fromInstant && r.SentAt < toInstant);
        // One pass over the period's referrals, rolled up per table here.
        // Each referral's status at the end of the period, from its history (referrals without one, e.g. imported, count as they stand).
        var referrals = (await sent.Select(r => new
        {
            r.NeedAreaCode,
            Status = db.ReferralEvents.Where(e => e.ReferralId == r.Id && e.At < toInstant).OrderByDescending(e => e.At).Select(e => (ReferralStatus?)e.To).FirstOrDefault()
                ?? (db.ReferralEvents.Any(e => e.ReferralId == r.Id) ? ReferralStatus.Sent : r.Status),
            r.OutcomeCode,
            r.ReportKey,
            r.SentAt,
        }).ToListAsync(cancellationToken))
            // A referral sent in the period is at least sent at its end (a draft event of the same instant may sort last).
            .Select(r => new { r.NeedAreaCode, Status = r.Status == ReferralStatus.Draft ? ReferralStatus.Sent : r.Status, OutcomeCode = r.Status == ReferralStatus.Completed ? r.OutcomeCode : null, r.ReportKey, Month = ReportPeriod.MonthOf(r.SentAt!.Value) })
            .GroupBy(r => new { r.NeedAreaCode, r.Status, r.OutcomeCode, r.Month }).Select(g => new { g.Key.NeedAreaCode, g.Key.Status, g.Key.OutcomeCode, g.Key.Month, Count = g.Count(), Keys = g.Sum(r => (long)r.ReportKey) }).ToList();
        // Sent in the period (a flow, per month); the status and outcome are as they stand at its end (counted once for the period).
        var byArea = referrals.GroupBy(r => new { r.NeedAreaCode, r.Month }).Select(g => ((string?)g.Key.NeedAreaCode, new Atom(g.Sum(r => r.Count), g.Sum(r => r.Keys)))).ToList();
        var areaTable = Counts("referralArea", "Vermittlungen nach Handlungsfeld des Angebots", Rows(labels[CatalogKind.NeedArea], byArea, flow: true));
        tables.Add(areaTable);
        var byStatus = referrals.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Sum(r => r.Count), Keys = g.Sum(r => r.Keys) }).ToList();
        // The same referrals as by area: the same total, published once.
        var statusTable = Counts("referralStatus", "Vermittlungen nach Stand",
            [.. Enum.GetValues<ReferralStatus>().Where(s => s != ReferralStatus.Draft).Select(s => new Cell(ReferralRules.StatusCode(s), labels[CatalogKind.ReferralStatus].GetValueOrDefault(ReferralRules.StatusCode(s), s.ToString()),
                byStatus.Where(b => b.Key == s).Sum(b => b.Count), RecordKeys: byStatus.Where(b => b.Key == s).Sum(b => b.Keys)))]);
        tables.Add(statusTable with { Total = areaTable.Total });
        var byOutcome = referrals.Where(r => r.OutcomeCode != null).GroupBy(r => r.OutcomeCode).Select(g => (g.Key, new Atom(g.Sum(r => r.Count), g.Sum(r => r.Keys)))).ToList();
        tables.Add(Counts("referralOutcome", "Abgeschlossene Vermittlungen nach Ergebnis", Rows(labels[CatalogKind.ReferralOutcome], byOutcome)));
        ReferralStatus[] acceptedStates = [ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.NotAttended];
        // Where figures leave, the rate is that of the published (perturbed) counts: it tells nothing they do not.
        long Count(ReferralStatus status) => byStatus.Where(b => b.Key == status).Sum(b => suppress ? Disclosure.Perturb(b.Count, b.Keys) : b.Count);
        var accepted = acceptedStates.Sum(Count);
        var answered = accepted + Count(ReferralStatus.Declined) + Count(ReferralStatus.Redirected);
        var answers = await sent.Where(r => r.FirstAnsweredAt != null && r.FirstAnsweredAt < toInstant).Select(r => new { r.SentAt, r.FirstAnsweredAt, r.ReportKey }).ToListAsync(cancellationToken);
        var answerTimes = answers.Select(r => (r.FirstAnsweredAt!.Value - r.SentAt!.Value).TotalDays).ToList();
        tables.Add(new Table("referralMeasures", "Vermittlungen: Annahme und Antwortzeit",
        [
            new Cell("acceptance", "Annahmequote der beantworteten (%)", answered == 0 ? null : Math.Round(100m * accepted / answered, 1), CellState.Shown, answered),
            new Cell("answerDays", "Antwortzeit, Median (Tage)", Median(answerTimes), CellState.Shown, answerTimes.Count, answers.Sum(r => (long)r.ReportKey)),
        ], null, "Wert"));

        // Contacts held in the period.
        // Per calendar month in Germany (the contacts are a flow, their noise drawn per month), in one GROUP BY.
        var months = (await db.Encounters.Where(e => (whole || cases.Any(c => c.Id == e.CaseId)) && e.At >= fromInstant && e.At < toInstant)
                .GroupBy(ReportPeriod.MonthIndex<Encounter>(e => e.At, from, to))
                .Select(g => new
                {
                    Count = g.Count(),
                    Keys = g.Sum(e => (long)e.ReportKey),
                    Minutes = g.Sum(e => e.DurationMinutes),
                    Interpreted = g.Count(e => e.InterpreterUsed),
                    InterpretedKeys = g.Sum(e => e.InterpreterUsed ? (long)e.ReportKey : 0L),
                }).ToListAsync(cancellationToken))
            .Select(m => (All: new Atom(m.Count, m.Keys), Interpreted: new Atom(m.Interpreted, m.InterpretedKeys), m.Minutes)).ToList();

        var contactAtoms = months.Select(m => m.All).ToList();
        var contactCount = contactAtoms.Sum(a => a.Count);
        // The share, where figures leave, from the published counts of all contacts and those with an interpreter.
        var (interpreted, contactsShown) = suppress
            ? (Disclosure.Publish(months.Select(m => m.Interpreted)), Disclosure.Publish(contactAtoms))
            : (months.Sum(m => m.Interpreted.Count), contactCount);
        tables.Add(new Table("encounters", "Kontakte",
        [
            new Cell("count", "Anzahl", contactsShown, CellState.Shown, contactCount, Atoms: contactAtoms),
            // Hours carry no noise: where figures leave, they show only when every month shows its contacts (0 or at
            // least 5), or the hours of a hidden month would come out as the quarter's less the other months'.
            new Cell("hours", "Stunden", Math.Round(months.Sum(m => m.Minutes) / 60m, 1),
                suppress && months.Any(m => Suppression.IsSmall(Disclosure.Perturb(m.All.Count, m.All.Keys))) ? CellState.Withheld : CellState.Shown, contactCount, Atoms: contactAtoms),
            new Cell("interpreter", "mit Sprachmittlung (%)", contactsShown == 0 ? null : Math.Round(100m * Math.Min(interpreted, contactsShown) / contactsShown, 1), CellState.Shown, contactCount, Atoms: contactAtoms),
        ], null, "Wert"));

        // How long until assessment and goal agreement, for cases opened in the period.
        var opened = cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to);
        var toAssessment = await opened.Select(c => new { c.OpenedOn, c.ReportKey, First = db.Assessments.Where(a => a.CaseId == c.Id && a.Date <= to).Min(a => (DateOnly?)a.Date) }).Where(x => x.First != null).ToListAsync(cancellationToken);
        var toGoal = await opened.Select(c => new { c.OpenedOn, c.ReportKey, First = db.Goals.Where(g => g.CaseId == c.Id && g.AgreedOn <= to).Min(g => (DateOnly?)g.AgreedOn) }).Where(x => x.First != null).ToListAsync(cancellationToken);
        tables.Add(new Table("durations", "Dauer ab Erstkontakt (Fallbeginn), Median in Tagen",
        [
            new Cell("assessment", "bis zum ersten Assessment", Median([.. toAssessment.Select(x => (double)(x.First!.Value.DayNumber - x.OpenedOn.DayNumber))]), CellState.Shown, toAssessment.Count, toAssessment.Sum(x => (long)x.ReportKey)),
            new Cell("goal", "bis zur ersten Zielvereinbarung", Median([.. toGoal.Select(x => (double)(x.First!.Value.DayNumber - x.OpenedOn.DayNumber))]), CellState.Shown, toGoal.Count, toGoal.Sum(x => (long)x.ReportKey)),
        ], null, "Tage"));

        // The figures derived from counts, with the counts they rest on: a rate of the answered
        // referrals gives away how many were declined or redirected, a share of the contacts how many had an interpreter.
        string[] statusCells = [.. tables.Single(t => t.Key == "referralStatus").Rows.Select(r => $"referralStatus.{r.Key}")];
        Disclosure.Derived[] derived =
        [
            new("referralMeasures", "acceptance", statusCells, [accepted, answered - accepted]),
            new("encounters", "interpreter", ["encounters.count"], [interpreted, contactsShown - interpreted]),
            // The median's basis (answered by the end) is at least the answered statuses: "< 5" would bound them.
            new("referralMeasures", "answerDays", statusCells, []),
        ];
        return new KimReportData(from, to, await ScopeNameAsync(scope, cancellationToken), suppress, suppress ? Disclosure.Protect(tables, derived) : tables);
    }

    private async Task<IQueryable<Case>> ScopedCasesAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (scope.OrganizationId is { } organization)
        {
            cases = cases.Where(c => c.OrganizationId == organization);
        }

        if (scope.DistrictId is { } district)
        {
            var list = await DistrictTree.SubtreeAsync(db, district, cancellationToken);
            cases = cases.Where(c => c.Client!.DistrictId != null && list.Contains(c.Client.DistrictId.Value));
        }

        return cases;
    }

    private async Task<string> ScopeNameAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (scope.OrganizationId is { } organization)
        {
            parts.Add(await db.Organizations.Where(o => o.Id == organization).Select(o => o.Name).SingleAsync(cancellationToken));
        }

        if (scope.DistrictId is { } district)
        {
            parts.Add(await db.Districts.Where(d => d.Id == district).Select(d => d.Name).SingleAsync(cancellationToken));
        }

        return parts.Count == 0 ? "Gesamte Installation" : string.Join(" · ", parts);
    }
}
