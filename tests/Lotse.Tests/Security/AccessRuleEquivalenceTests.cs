using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Referrals;
using Lotse.Features.Users;
using Lotse.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Security;

/// <summary>
/// Each access rule exists twice: as an expression that lists and searches run in the database, and
/// as plain code the handler runs for one loaded record (issue 15: no expression compiled per check).
/// For every demo user and every case, client and referral of the demo, both give the same answer —
/// and the database's answer is the same too.
/// </summary>
public sealed class AccessRuleEquivalenceTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task The_plain_rule_and_the_query_rule_agree_for_every_demo_user_and_record()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<User>>();
        var today = app.Today;
        var cases = await db.Cases.AsNoTracking().Include(c => c.Deputies).Include(c => c.EmergencyAccesses).ToListAsync();
        var clients = await db.Clients.AsNoTracking().ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).ToListAsync();
        var differences = new List<string>();
        var seen = 0;
        foreach (var user in users)
        {
            var principal = await principals.CreateAsync(user);
            var visibleCases = (await db.Cases.Where(CaseAuthorizationHandler.VisibleTo(principal, today)).Select(c => c.Id).ToListAsync()).ToHashSet();
            differences.AddRange(cases.Where(c => CaseAuthorizationHandler.IsVisible(principal, c, today) != visibleCases.Contains(c.Id)).Select(c => $"{user.Email}: case {c.Reference}"));
            var visibleClients = (await db.Clients.Where(ClientAuthorizationHandler.VisibleTo(principal)).Select(c => c.Id).ToListAsync()).ToHashSet();
            differences.AddRange(clients.Where(c => ClientAuthorizationHandler.IsVisible(principal, c) != visibleClients.Contains(c.Id)).Select(c => $"{user.Email}: client {c.Id}"));
            var inbox = (await db.Referrals.Where(ReferralRecipientHandler.InInboxOf(principal)).Select(r => r.Id).ToListAsync()).ToHashSet();
            differences.AddRange(referrals.Where(r => ReferralRecipientHandler.IsInInbox(principal, r) != inbox.Contains(r.Id)).Select(r => $"{user.Email}: referral {r.Id}"));
            seen += visibleCases.Count + inbox.Count;
        }

        Assert.True(differences.Count == 0, "The two forms of a rule disagree:\n" + string.Join('\n', differences.Take(40)));
        // Not vacuous: the demo's users see cases and inboxes (and, above, every other record is refused by both).
        Assert.True(seen > 50, $"only {seen} visible records");
        Assert.True(users.Count >= 8, $"only {users.Count} users");
    }
}
