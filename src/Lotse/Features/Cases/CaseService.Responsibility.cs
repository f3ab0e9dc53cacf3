using System.Globalization;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

/// <summary>Responsibility for a case: deputies, reassignment and who may hold a case.</summary>
public sealed partial class CaseService
{
    /// <summary>Adds or changes a deputy (Vertretung) of the responsible case manager, optionally for a period.</summary>
    public async Task SetDeputyAsync(Case @case, Guid userId, DateOnly? from, DateOnly? until, CancellationToken cancellationToken = default)
    {
        if (userId == @case.ResponsibleUserId)
        {
            throw new RuleViolationException("deputy", "Die verantwortliche Fachkraft kann nicht ihre eigene Vertretung sein.");
        }

        if (!await IsCaseWorkerAsync(userId, @case.OrganizationId, cancellationToken))
        {
            throw new RuleViolationException("deputy", "Die Vertretung muss eine Fachkraft der eigenen Organisation sein.");
        }

        if (from is { } start && until is { } end && end < start)
        {
            throw new RuleViolationException("until", "„Bis“ liegt vor „Ab“.");
        }

        var deputy = @case.Deputies.FirstOrDefault(d => d.UserId == userId);
        if (deputy is null)
        {
            deputy = new CaseDeputy { CaseId = @case.Id, UserId = userId };
            @case.Deputies.Add(deputy);
        }

        deputy.From = from;
        deputy.Until = until;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveDeputyAsync(Case @case, Guid userId, CancellationToken cancellationToken = default)
    {
        @case.Deputies.RemoveAll(d => d.UserId == userId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Hands the case to another case manager of the organisation (team leads assign cases).</summary>
    public async Task ReassignAsync(Case @case, Guid responsibleUserId, CancellationToken cancellationToken = default)
    {
        var responsible = await db.Users.SingleOrDefaultAsync(u => u.Id == responsibleUserId && u.OrganizationId == @case.OrganizationId && u.IsActive, cancellationToken);
        if (responsible is null || !await IsCaseWorkerAsync(responsible.Id, @case.OrganizationId, cancellationToken))
        {
            throw new RuleViolationException("responsible", "Die verantwortliche Fachkraft muss zur eigenen Organisation gehören.");
        }

        @case.ResponsibleUserId = responsible.Id;
        @case.TeamId = responsible.TeamId ?? @case.TeamId;
        @case.Deputies.RemoveAll(d => d.UserId == responsible.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The active case managers and team leads of an organisation: who may be responsible or deputy.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CaseWorkersAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        [.. (await CaseWorkers(organizationId).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName))];

    private IQueryable<User> CaseWorkers(Guid organizationId) =>
        db.Users.Where(u => u.OrganizationId == organizationId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.CaseManager || r.Name == Roles.TeamLead))));

    private Task<bool> IsCaseWorkerAsync(Guid userId, Guid organizationId, CancellationToken cancellationToken) =>
        CaseWorkers(organizationId).AnyAsync(u => u.Id == userId, cancellationToken);
}
