using System.Linq.Expressions;
using System.Security.Claims;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Referrals;

/// <summary>
/// The receiving side's operation on a referral: see it in the inbox, read its packet and answer it.
/// The sending side works a referral through its case (<see cref="Cases.CaseOperation"/>).
/// </summary>
public sealed class ReferralOperation : OperationAuthorizationRequirement
{
    private ReferralOperation(string name) => Name = name;

    public static readonly ReferralOperation Answer = new(nameof(Answer));
}

/// <summary>
/// Partner and authority staff of the recipient organisation see a referral sent to it, and only
/// that: the packet, never the case. The sending side is decided by the case's own handler.
/// Whether the packet itself is still visible (consent, withdrawal) is <see cref="ReferralService.PacketVisible"/>.
/// </summary>
public sealed class ReferralRecipientHandler : AuthorizationHandler<ReferralOperation, Referral>
{
    public static bool IsInboxUser(ClaimsPrincipal user) => user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff);

    public static Expression<Func<Referral, bool>> InInboxOf(ClaimsPrincipal user)
    {
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var inbox = IsInboxUser(user);
        return r => inbox && r.RecipientOrganizationId == organizationId && r.Status != ReferralStatus.Draft;
    }

    /// <summary><see cref="InInboxOf"/> as plain code for one loaded referral (<c>AccessRuleEquivalenceTests</c> holds both to the same answer).</summary>
    public static bool IsInInbox(ClaimsPrincipal user, Referral referral) =>
        IsInboxUser(user) && referral.RecipientOrganizationId == (user.GetOrganizationId() ?? Guid.Empty) && referral.Status != ReferralStatus.Draft;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReferralOperation requirement, Referral resource)
    {
        if (requirement.Name == ReferralOperation.Answer.Name && IsInInbox(context.User, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The recipient's way into a referral: finds it, asks <see cref="ReferralRecipientHandler"/>, writes
/// <c>Denied</c> on refusal (the caller answers 404). Reading the packet is audited where it is shown,
/// because whether it is still visible depends on the consent.
/// </summary>
public sealed class ReferralGate(ReferralService referrals, IAuthorizationService authorization, Audit.AuditLog audit, CurrentActor actor)
{
    public async Task<Referral?> OpenForRecipientAsync(Guid id, CancellationToken cancellationToken = default) =>
        await referrals.FindAsync(id, cancellationToken) is { } referral ? await AdmitRecipientAsync(referral, cancellationToken) : null;

    /// <summary>The same decision for a referral already loaded.</summary>
    public async Task<Referral?> AdmitRecipientAsync(Referral referral, CancellationToken cancellationToken = default)
    {
        if (!await MayAnswerAsync(referral))
        {
            await audit.DeniedAsync(nameof(Referral), referral.Id, ReferralOperation.Answer.Name, cancellationToken);
            return null;
        }

        return referral;
    }

    /// <summary>Whether the current user answers this referral for the recipient (decides nothing else).</summary>
    public async Task<bool> MayAnswerAsync(Referral referral) =>
        actor.Principal is { } user && (await authorization.AuthorizeAsync(user, referral, ReferralOperation.Answer)).Succeeded;
}
