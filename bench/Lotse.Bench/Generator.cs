using System.Diagnostics;
using System.Globalization;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Demo;
using Lotse.Features.Districts;
using Lotse.Features.Offers;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Bench;

/// <summary>The sizes the issue asks for; everything else is derived per client.</summary>
internal sealed record Scale(string Name, int Clients)
{
    public static readonly Scale[] All = [new("tiny", 300), new("city", 3_000), new("region", 50_000), new("state", 500_000)];

    public static Scale Parse(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scale '{name}': {string.Join(", ", All.Select(s => s.Name))}.");

    /// <summary>About 60 cases per case manager, 25 case managers per organisation.</summary>
    public int CaseManagers => Math.Max(4, Clients / 60);

    public int Organizations => Math.Max(1, CaseManagers / 25);
}

/// <summary>
/// The deterministic data generator: on top of the Gelsenkirchen demo (its organisations, offers and
/// users stay, so the demo accounts work), generated organisations with case managers, and per client
/// 1.2 cases, 10 encounters, 2.5 goals, 1.7 referrals and 20 audit entries on average — at state scale
/// 500,000 clients, 600,000 cases, 6 million encounters, 1.5 million goals, 1 million referrals and
/// 10 million audit entries. A fixed seed gives the same data on every run (dates relative to today).
/// </summary>
internal sealed class Generator(LotseDbContext db, TextWriter output)
{
    public const string Password = "Lotse-Bench-2026";
    public const string EmailDomain = "bench.lotse";
    private const int Chunk = 10_000;

    private static readonly string[] NeedAreas =
        ["aufenthalt", "sprache", "arbeit", "ausbildung", "schule", "kita", "wohnen", "gesundheit", "existenzsicherung", "finanzen", "familie", "einbuergerung", "teilhabe", "psychosozial"];

    private static readonly string[] AccessRoutes = ["selbstmelder", "aufsuchend", "jobcenter", "sozialamt", "abh", "schule-kita", "mbe-jmd", "beratungsstelle", "familie"];
    private static readonly string[] EncounterKinds = ["buero", "sprechstunde", "telefon", "hausbesuch", "begleitung", "schriftlich"];
    private static readonly string[] Closures = ["ziele-erreicht", "uebergabe-regeldienst", "kontaktabbruch", "wegzug"];
    private static readonly string[] Outcomes = ["hilfe-erhalten", "teilweise", "nicht-erhalten"];
    private static readonly string[] Declines = ["keine-kapazitaet", "nicht-zustaendig", "voraussetzungen"];

    private readonly Random random = new(2026);
    private readonly BulkWriter writer = new(db);
    private long auditId;
    private long auditSequence;
    private byte[] previousHash = AuditChain.Genesis;

    public async Task<GeneratedSummary> RunAsync(Scale scale, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;", cancellationToken);
        }

        var districts = await db.Districts.AsNoTracking().Where(d => d.Level == DistrictLevel.Stadtteil).Select(d => d.Id).ToListAsync(cancellationToken);
        var offers = await db.Offers.AsNoTracking().Select(o => new { o.Id, o.OrganizationId, Area = o.NeedAreaCodes.Count == 0 ? "sprache" : o.NeedAreaCodes[0] }).ToListAsync(cancellationToken);
        var caseManagerRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.CaseManager).Select(r => r.Id).SingleAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (await db.AuditEntries.AnyAsync(a => a.Sequence == null, cancellationToken))
        {
            throw new InvalidOperationException("The audit log has unsealed entries; run 'Lotse audit verify' first.");
        }

        auditSequence = head?.Sequence ?? 0;
        previousHash = head?.Hash ?? AuditChain.Genesis;
        auditId = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;

        // Organisations, teams and case managers. One password hash for all: the bench signs in as them.
        var organizations = new List<Organization>();
        var teams = new List<Team>();
        var users = new List<User>();
        var hash = new PasswordHasher<User>().HashPassword(null!, Password);
        for (var o = 0; o < scale.Organizations; o++)
        {
            organizations.Add(new Organization { Name = $"Bench-Träger {o + 1:000}", ShortName = $"BT{o + 1:000}", Kind = OrganizationKind.WelfareOrganization, Version = 1, CreatedAt = now, UpdatedAt = now });
        }

        for (var m = 0; m < scale.CaseManagers; m++)
        {
            var organization = organizations[m % organizations.Count];
            if (m < organizations.Count || m % 8 == 0)
            {
                teams.Add(new Team { OrganizationId = organization.Id, Name = $"Team {teams.Count + 1}", Version = 1, CreatedAt = now, UpdatedAt = now });
            }

            var team = teams.Last(t => t.OrganizationId == organization.Id);
            var email = $"fm{m + 1}@{EmailDomain}";
            users.Add(new User
            {
                Id = Guid.CreateVersion7(),
                DisplayName = $"Fallmanager:in {m + 1}",
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                OrganizationId = organization.Id,
                TeamId = team.Id,
                CreatedAt = now,
            });
        }

        await writer.WriteAsync(organizations, cancellationToken);
        await writer.WriteAsync(teams, cancellationToken);
        await writer.WriteAsync(users, cancellationToken);
        await writer.WriteAsync(users.Select(u => new IdentityUserRole<Guid> { UserId = u.Id, RoleId = caseManagerRole }), cancellationToken);

        var counts = new Dictionary<string, long>();
        void Count(string name, long n) => counts[name] = counts.GetValueOrDefault(name) + n;
        var reference = 0;
        var offerTargets = offers.Select(x => (x.Id, x.OrganizationId, x.Area)).ToArray();
        for (var start = 0; start < scale.Clients; start += Chunk)
        {
            var batch = new Batch();
            for (var i = start; i < Math.Min(scale.Clients, start + Chunk); i++)
            {
                var manager = users[random.Next(users.Count)];
                var client = NewClient(manager.OrganizationId, districts[random.Next(districts.Count)], now);
                batch.Clients.Add(client);
                // One case for most clients, a second (the earlier one closed) for three in ten.
                var caseCount = random.Next(10) switch { < 1 => 0, < 7 => 1, _ => 2 };
                var before = batch.Cases.Count;
                for (var c = 0; c < caseCount; c++)
                {
                    AddCase(batch, client, manager, ++reference, closedEarlier: caseCount == 2 && c == 0, offerTargets, today, now);
                }

                AddAudit(batch, client, [.. batch.Cases.Skip(before).Select(c => c.Id)], manager, now);
            }

            await writer.WriteAsync(batch.Clients, cancellationToken);
            await writer.WriteAsync(batch.Clients.SelectMany(c => c.OtherSpellings), cancellationToken);
            await writer.WriteAsync(batch.Clients.SelectMany(c => c.NameKeys), cancellationToken);
            await writer.WriteAsync(batch.Clients.SelectMany(c => c.ResidenceStatuses), cancellationToken);
            await writer.WriteAsync(batch.Cases, cancellationToken);
            await writer.WriteAsync(batch.Cases.SelectMany(c => c.PhaseChanges), cancellationToken);
            await writer.WriteAsync(batch.Assessments, cancellationToken);
            await writer.WriteAsync(batch.Assessments.SelectMany(a => a.Ratings), cancellationToken);
            await writer.WriteAsync(batch.Goals, cancellationToken);
            await writer.WriteAsync(batch.Goals.SelectMany(g => g.Steps), cancellationToken);
            await writer.WriteAsync(batch.Encounters, cancellationToken);
            await writer.WriteAsync(batch.Referrals, cancellationToken);
            await writer.WriteAsync(batch.Audit, cancellationToken);
            Count("clients", batch.Clients.Count);
            Count("cases", batch.Cases.Count);
            Count("encounters", batch.Encounters.Count);
            Count("goals", batch.Goals.Count);
            Count("referrals", batch.Referrals.Count);
            Count("audit entries", batch.Audit.Count);
            if ((start / Chunk) % 10 == 9)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {start + Chunk:N0} clients, {writer.Rows:N0} rows, {watch.Elapsed.TotalSeconds:0} s"));
            }
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('"AuditEntries"', 'Id'), (SELECT max("Id") FROM "AuditEntries"))""", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;", cancellationToken);
        }

        return new GeneratedSummary(scale.Name, db.Database.IsNpgsql() ? "postgres" : "sqlite", counts, writer.Rows, watch.Elapsed);
    }

    private Client NewClient(Guid organizationId, Guid districtId, DateTime now)
    {
        var pool = DemoPeople.Pools[random.Next(DemoPeople.Pools.Length)];
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var given = sex == Sex.Female ? pool.Female[random.Next(pool.Female.Length)] : pool.Male[random.Next(pool.Male.Length)];
        var family = DemoPeople.FamilyFor(pool, pool.Family[random.Next(pool.Family.Length)], sex);
        var year = DateTime.UtcNow.Year - 1 - random.Next(70);
        var client = new Client
        {
            OrganizationId = organizationId,
            GivenName = given.Latin,
            FamilyName = family.Latin,
            BirthDate = string.Create(CultureInfo.InvariantCulture, $"{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}"),
            Sex = sex,
            Nationalities = [pool.Country],
            Languages = [pool.Languages[0]],
            InterpreterNeeded = random.Next(3) > 0,
            InterpreterLanguage = pool.Languages[0],
            City = "Gelsenkirchen",
            PostalCode = "458" + random.Next(79, 100).ToString(CultureInfo.InvariantCulture),
            DistrictId = districtId,
            EntryDate = DateOnly.FromDateTime(now).AddDays(-random.Next(60, 3000)),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (given.Native is not null || family.Native is not null)
        {
            client.OtherSpellings.Add(new ClientAlias { ClientId = client.Id, GivenName = given.Native ?? given.Latin, FamilyName = family.Native ?? family.Latin });
        }

        ClientMatching.RefreshKeys(client);
        client.ResidenceStatuses.Add(new ResidenceStatus
        {
            ClientId = client.Id,
            KindCode = random.Next(3) switch { 0 => "aufenthaltserlaubnis", 1 => "freizuegigkeit", _ => "duldung" },
            ValidFrom = DateOnly.FromDateTime(now).AddDays(-random.Next(100, 900)),
            ValidUntil = random.Next(2) == 0 ? null : DateOnly.FromDateTime(now).AddDays(random.Next(-20, 500)),
            CreatedAt = now,
        });
        return client;
    }

    private void AddCase(Batch batch, Client client, User manager, int reference, bool closedEarlier, (Guid Id, Guid OrganizationId, string Area)[] offers, DateOnly today, DateTime now)
    {
        // Opened within the last five years; two in five of the current cases are closed.
        var opened = today.AddDays(-(closedEarlier ? 900 + random.Next(900) : random.Next(1, 1000)));
        var closed = closedEarlier || random.Next(5) < 2;
        var phase = closed ? CasePhase.Closed : (CasePhase)(1 + random.Next(5));
        var @case = new Case
        {
            Reference = string.Create(CultureInfo.InvariantCulture, $"F-{opened.Year}-B{reference:0000000}"),
            ClientId = client.Id,
            OrganizationId = manager.OrganizationId,
            TeamId = manager.TeamId,
            ResponsibleUserId = manager.Id,
            Phase = phase,
            AccessRouteCode = AccessRoutes[random.Next(AccessRoutes.Length)],
            OpenedOn = opened,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var span = Math.Max(1, today.DayNumber - opened.DayNumber);
        if (closed)
        {
            @case.ClosedOn = opened.AddDays(Math.Min(span, 30 + random.Next(600)));
            if (@case.ClosedOn > today)
            {
                @case.ClosedOn = today;
            }

            @case.ClosureReasonCode = Closures[random.Next(Closures.Length)];
            span = Math.Max(1, @case.ClosedOn.Value.DayNumber - opened.DayNumber);
        }

        var at = opened.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        @case.PhaseChanges.Add(new CasePhaseChange { CaseId = @case.Id, To = CasePhase.Clearing, At = at, UserId = manager.Id, Note = "eröffnet" });
        batch.Cases.Add(@case);
        if (phase == CasePhase.Clearing)
        {
            return;
        }

        @case.PhaseChanges.Add(new CasePhaseChange { CaseId = @case.Id, From = CasePhase.Clearing, To = phase, At = at.AddDays(Math.Min(span, 14)), UserId = manager.Id });
        var areas = NeedAreas.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToList();
        var first = new Assessment { CaseId = @case.Id, Date = opened.AddDays(Math.Min(span, 7)), UserId = manager.Id, CreatedAt = now, UpdatedAt = now };
        first.Ratings.AddRange(areas.Select(a => new AssessmentRating { AssessmentId = first.Id, NeedAreaCode = a, Rating = 1 + random.Next(3) }));
        batch.Assessments.Add(first);
        if (span > 90 && random.Next(2) == 0)
        {
            var again = new Assessment { CaseId = @case.Id, Date = opened.AddDays(span - random.Next(30)), UserId = manager.Id, CreatedAt = now, UpdatedAt = now };
            again.Ratings.AddRange(first.Ratings.Select(r => new AssessmentRating { AssessmentId = again.Id, NeedAreaCode = r.NeedAreaCode, Rating = Math.Clamp(r.Rating!.Value + random.Next(-1, 3), 1, 5) }));
            batch.Assessments.Add(again);
        }

        // Goals (2.5 per case on average over all cases, so about 3 per case past Clearing).
        var goals = 1 + random.Next(5);
        for (var g = 0; g < goals; g++)
        {
            var agreed = opened.AddDays(Math.Min(span, 20 + random.Next(20)));
            var goal = new Goal
            {
                CaseId = @case.Id,
                NeedAreaCode = areas[g % areas.Count],
                Title = "Ziel im Handlungsfeld " + areas[g % areas.Count],
                AgreedOn = agreed,
                DueOn = agreed.AddDays(60 + random.Next(200)),
                Status = closed ? (GoalStatus)(2 + random.Next(3)) : random.Next(4) == 0 ? GoalStatus.Achieved : GoalStatus.Open,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var due = agreed.AddDays(random.Next(10, 90));
            var done = goal.Status != GoalStatus.Open || due < today;
            goal.Steps.Add(new GoalStep { GoalId = goal.Id, Title = "Nächster Schritt", Responsible = StepResponsible.Client, DueOn = due, Status = done ? StepStatus.Done : StepStatus.Open, DoneOn = done ? due : null, CreatedAt = now });
            batch.Goals.Add(goal);
        }

        // Encounters: 10 per case on average over all cases.
        var encounters = 4 + random.Next(15);
        for (var e = 0; e < encounters; e++)
        {
            var day = opened.AddDays(random.Next(span));
            batch.Encounters.Add(new Encounter
            {
                CaseId = @case.Id,
                UserId = manager.Id,
                At = day.ToDateTime(new TimeOnly(8 + random.Next(9), 15 * random.Next(4)), DateTimeKind.Utc),
                DurationMinutes = 15 * (1 + random.Next(6)),
                KindCode = EncounterKinds[random.Next(EncounterKinds.Length)],
                InterpreterUsed = random.Next(3) == 0,
                NeedAreaCodes = [areas[random.Next(areas.Count)]],
                CreatedAt = now,
            });
        }

        // Referrals: 1.7 per case on average over all cases.
        var referrals = random.Next(5);
        for (var r = 0; r < referrals; r++)
        {
            var offer = offers[random.Next(offers.Length)];
            var sent = opened.AddDays(random.Next(span)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var status = closed ? (random.Next(4) == 0 ? ReferralStatus.Declined : ReferralStatus.Completed) : (ReferralStatus)(2 + random.Next(6));
            var answered = status == ReferralStatus.Sent ? (DateTime?)null : sent.AddDays(1 + random.Next(10));
            batch.Referrals.Add(new Referral
            {
                CaseId = @case.Id,
                ClientId = client.Id,
                SenderOrganizationId = manager.OrganizationId,
                SenderUserId = manager.Id,
                Kind = ReferralKind.Offer,
                OfferId = offer.Id,
                RecipientOrganizationId = offer.OrganizationId,
                NeedAreaCode = offer.Area,
                SharedFields = [Features.Consents.DataCategory.Name, Features.Consents.DataCategory.Languages],
                Status = status,
                DeclineReasonCode = status == ReferralStatus.Declined ? Declines[random.Next(Declines.Length)] : null,
                OutcomeCode = status == ReferralStatus.Completed ? Outcomes[random.Next(Outcomes.Length)] : null,
                SentAt = sent,
                FirstAnsweredAt = answered,
                ClosedAt = status is ReferralStatus.Completed or ReferralStatus.Declined or ReferralStatus.NotAttended ? answered?.AddDays(random.Next(60)) : null,
                Version = 1,
                CreatedAt = sent,
                UpdatedAt = answered ?? sent,
            });
        }
    }

    // 20 audit entries per client on average, chained and sealed exactly as AuditChain.SealAsync does.
    private void AddAudit(Batch batch, Client client, List<Guid> cases, User manager, DateTime now)
    {
        var entries = 10 + random.Next(21);
        for (var a = 0; a < entries; a++)
        {
            var onCase = cases.Count > 0 && random.Next(3) > 0;
            var entry = new AuditEntry
            {
                Id = ++auditId,
                At = now.AddMinutes(-random.Next(60 * 24 * 900)),
                UserId = manager.Id,
                OrganizationId = manager.OrganizationId,
                Operation = random.Next(5) == 0 ? AuditOperation.Update : AuditOperation.Read,
                EntityType = onCase ? "Case" : "Client",
                EntityId = onCase ? cases[random.Next(cases.Count)] : client.Id,
                ClientId = client.Id,
                Fields = onCase ? "Phase,Goals,Encounters" : "Name,BirthDate,Address",
                Channel = "page",
                Sequence = ++auditSequence,
                PreviousHash = previousHash,
            };
            entry.LinkDigest = AuditChain.LinkDigestOf(entry.EntityId, entry.ClientId, previousHash);
            entry.Hash = AuditChain.HashOf(entry, previousHash);
            previousHash = entry.Hash;
            batch.Audit.Add(entry);
        }
    }

    private sealed class Batch
    {
        public List<Client> Clients { get; } = [];
        public List<Case> Cases { get; } = [];
        public List<Assessment> Assessments { get; } = [];
        public List<Goal> Goals { get; } = [];
        public List<Encounter> Encounters { get; } = [];
        public List<Referral> Referrals { get; } = [];
        public List<AuditEntry> Audit { get; } = [];
    }
}

internal sealed record GeneratedSummary(string Scale, string Database, IReadOnlyDictionary<string, long> Counts, long Rows, TimeSpan Elapsed);
