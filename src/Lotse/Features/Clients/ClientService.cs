using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Clients;

/// <summary>What a user enters for a client; validated by <see cref="ClientService"/>.</summary>
public sealed record ClientInput
{
    public string? GivenName { get; init; }

    public string FamilyName { get; init; } = string.Empty;

    public string? BirthName { get; init; }

    public string? BirthDate { get; init; }

    public Sex Sex { get; init; }

    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public bool InterpreterNeeded { get; init; }

    public string? InterpreterLanguage { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public Guid? DistrictId { get; init; }

    public DateOnly? EntryDate { get; init; }

    public IReadOnlyList<(string? GivenName, string FamilyName)> OtherSpellings { get; init; } = [];
}

/// <summary>Registers and changes clients and their residence status history.</summary>
public sealed class ClientService(LotseDbContext db, TimeProvider time, IOptionsMonitor<LotseOptions> options)
{
    /// <summary>
    /// Sets (with a reason) or lifts (reason null) a legal hold: while it holds, the retention job
    /// leaves the person alone and erasure is refused.
    /// </summary>
    public async Task SetLegalHoldAsync(Client client, string? reason, CancellationToken cancellationToken = default)
    {
        if (reason is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("legalHoldReason", "Bitte nennen Sie den Grund der Aufbewahrungspflicht (ohne Namen), z. B. ein laufendes Verfahren.");
        }

        client.LegalHoldSince = reason is null ? null : time.GetUtcNow().UtcDateTime;
        client.LegalHoldReason = reason?.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Restricts the processing (Art. 18 GDPR): from now on the person's records are read-only.</summary>
    public async Task RestrictAsync(Client client, Guid actorId, string? reason, CancellationToken cancellationToken = default)
    {
        if (client.RestrictedAt is not null)
        {
            throw new RuleViolationException("restriction", "Die Verarbeitung ist bereits eingeschränkt.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", "Bitte geben Sie den Grund der Einschränkung an (z. B. bestrittene Richtigkeit, Art. 18 Abs. 1 lit. a DSGVO).");
        }

        client.RestrictedAt = time.GetUtcNow().UtcDateTime;
        client.RestrictedByUserId = actorId;
        client.RestrictionReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Lifts the restriction; the records can be changed again.</summary>
    public async Task LiftRestrictionAsync(Client client, CancellationToken cancellationToken = default)
    {
        if (client.RestrictedAt is null)
        {
            throw new RuleViolationException("restriction", "Die Verarbeitung ist nicht eingeschränkt.");
        }

        client.RestrictedAt = null;
        client.RestrictedByUserId = null;
        client.RestrictionReason = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Client> CreateAsync(Guid organizationId, ClientInput input, Guid? householdWith = null, CancellationToken cancellationToken = default)
    {
        var client = new Client { FamilyName = string.Empty, OrganizationId = organizationId };
        await ApplyAsync(client, input, cancellationToken);
        if (householdWith is { } memberId)
        {
            var member = await db.Clients.SingleOrDefaultAsync(c => c.Id == memberId && c.OrganizationId == organizationId, cancellationToken)
                ?? throw new RuleViolationException("householdWith", "Das Haushaltsmitglied wurde nicht gefunden.");
            member.HouseholdId ??= Guid.CreateVersion7();
            client.HouseholdId = member.HouseholdId;
        }

        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return client;
    }

    /// <summary>Saves an edit made on <paramref name="versionRead"/>; false when someone saved in between.</summary>
    public async Task<bool> UpdateAsync(Client client, ClientInput input, int versionRead, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(client, input, cancellationToken);
        return await db.TrySaveEditAsync(client, versionRead, cancellationToken);
    }

    public async Task LinkHouseholdAsync(Client client, Client member, CancellationToken cancellationToken = default)
    {
        if (client.OrganizationId != member.OrganizationId || client.Id == member.Id)
        {
            throw new RuleViolationException("memberId", "Das Haushaltsmitglied wurde nicht gefunden.");
        }

        var household = client.HouseholdId ?? member.HouseholdId ?? Guid.CreateVersion7();
        if (member.HouseholdId is { } old && old != household)
        {
            await db.Clients.Where(c => c.HouseholdId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.HouseholdId, household), cancellationToken);
        }

        client.HouseholdId = household;
        member.HouseholdId = household;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ResidenceStatus> AddResidenceStatusAsync(Client client, ResidenceStatus status, CancellationToken cancellationToken = default)
    {
        if (!await db.CatalogEntries.AnyAsync(e => e.Catalog == CatalogKind.ResidenceStatusKind && e.Code == status.KindCode, cancellationToken))
        {
            throw new RuleViolationException("kind", "Bitte wählen Sie eine Art des Aufenthaltsstatus.");
        }

        if (status.ValidFrom is { } from && status.ValidUntil is { } until && until < from)
        {
            throw new RuleViolationException("validUntil", "„Gültig bis“ liegt vor „Gültig ab“.");
        }

        status.ClientId = client.Id;
        status.CreatedAt = time.GetUtcNow().UtcDateTime;
        db.ResidenceStatuses.Add(status);
        await db.SaveChangesAsync(cancellationToken);
        await SyncResidenceDeadlinesAsync(client.Id, cancellationToken);
        return status;
    }

    /// <summary>
    /// Keeps the derived deadlines of the client's open cases in step with the current residence
    /// status: one deadline at its valid-until date; an earlier status's deadline is done.
    /// </summary>
    public async Task SyncResidenceDeadlinesAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var current = await db.ResidenceStatuses.Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var caseIds = await db.Cases.Where(c => c.ClientId == clientId && c.Phase != CasePhase.Closed).Select(c => c.Id).ToListAsync(cancellationToken);
        if (caseIds.Count == 0)
        {
            return;
        }

        var kind = current is null ? null : await db.CatalogEntries
            .Where(e => e.Catalog == CatalogKind.ResidenceStatusKind && e.Code == current.KindCode).Select(e => e.Label).FirstOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var derived = await db.Deadlines.Where(d => caseIds.Contains(d.CaseId) && d.Kind == DeadlineKind.ResidenceExpiry).ToListAsync(cancellationToken);
        foreach (var caseId in caseIds)
        {
            foreach (var stale in derived.Where(d => d.CaseId == caseId && d.ResidenceStatusId != current?.Id && d.DoneOn is null))
            {
                stale.DoneOn = today;
            }

            if (current?.ValidUntil is not { } until)
            {
                continue;
            }

            var deadline = derived.FirstOrDefault(d => d.CaseId == caseId && d.ResidenceStatusId == current.Id);
            if (deadline is null)
            {
                deadline = new Deadline { CaseId = caseId, Title = string.Empty, Kind = DeadlineKind.ResidenceExpiry, ResidenceStatusId = current.Id };
                db.Deadlines.Add(deadline);
            }

            deadline.Title = $"Aufenthaltsstatus läuft ab: {kind ?? current.KindCode}{(current.LegalBasis is { Length: > 0 } basis ? $" ({basis})" : string.Empty)}";
            deadline.DueOn = until;
            deadline.LeadDays = options.CurrentValue.Cases.ResidenceExpiryLeadWeeks * 7;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(Client client, ClientInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.FamilyName))
        {
            throw new RuleViolationException("familyName", "Bitte geben Sie den Familiennamen ein.");
        }

        if (input.FamilyName.Length > 200 || input.GivenName?.Length > 200 || input.BirthName?.Length > 200)
        {
            throw new RuleViolationException("familyName", "Ein Name darf höchstens 200 Zeichen lang sein.");
        }

        PartialDate? birthDate = null;
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            if (!PartialDate.TryParse(input.BirthDate.Trim(), out var parsed, today))
            {
                throw new RuleViolationException("birthDate", "Das Geburtsdatum hat die Form TT.MM.JJJJ, MM.JJJJ oder JJJJ (z. B. 12.05.1990, 05.1990 oder 1990).");
            }

            if (parsed.ToDateOnly() is { } complete && complete > today)
            {
                throw new RuleViolationException("birthDate", "Das Geburtsdatum liegt in der Zukunft.");
            }

            birthDate = parsed;
        }

        if (input.DistrictId is { } districtId && !await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken))
        {
            throw new RuleViolationException("districtId", "Bitte wählen Sie einen Bezirk aus der Liste.");
        }

        if (input.Nationalities.FirstOrDefault(n => !Countries.IsKnown(n)) is { } unknownCountry)
        {
            throw new RuleViolationException("nationalities", "Unbekannter Ländercode: {0}", unknownCountry);
        }

        if (input.Languages.FirstOrDefault(l => !Languages.IsKnown(l)) is { } unknownLanguage)
        {
            throw new RuleViolationException("languages", "Unbekannter Sprachcode: {0}", unknownLanguage);
        }

        if (input.Email is { Length: > 0 } email && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new RuleViolationException("email", "Die E-Mail-Adresse ist ungültig.");
        }

        client.GivenName = Clean(input.GivenName);
        client.FamilyName = input.FamilyName.Trim();
        client.BirthName = Clean(input.BirthName);
        client.BirthDate = birthDate?.ToString();
        client.Sex = input.Sex;
        client.Nationalities = [.. input.Nationalities.Select(n => n.Trim().ToUpperInvariant()).Distinct()];
        client.Languages = [.. input.Languages.Select(l => l.Trim().ToLowerInvariant()).Distinct()];
        client.InterpreterNeeded = input.InterpreterNeeded;
        client.InterpreterLanguage = Clean(input.InterpreterLanguage)?.ToLowerInvariant();
        client.Phone = Clean(input.Phone);
        client.Email = Clean(input.Email);
        client.Street = Clean(input.Street);
        client.PostalCode = Clean(input.PostalCode);
        client.City = Clean(input.City);
        client.DistrictId = input.DistrictId;
        client.EntryDate = input.EntryDate;

        var wanted = input.OtherSpellings.Where(s => !string.IsNullOrWhiteSpace(s.FamilyName))
            .Select(s => (Given: Clean(s.GivenName), Family: s.FamilyName.Trim())).Distinct().ToList();
        client.OtherSpellings.RemoveAll(a => !wanted.Contains((a.GivenName, a.FamilyName)));
        foreach (var (given, family) in wanted.Where(w => !client.OtherSpellings.Any(a => a.GivenName == w.Given && a.FamilyName == w.Family)))
        {
            client.OtherSpellings.Add(new ClientAlias { ClientId = client.Id, GivenName = given, FamilyName = family });
        }

        ClientMatching.RefreshKeys(client);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
