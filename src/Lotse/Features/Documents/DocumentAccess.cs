using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Documents;

/// <summary>
/// Documents are need-to-know like cases: a document of a case follows the case's rule; a document
/// on the client file is for those who may see one of the person's cases (or, while the person has
/// no case yet, for the organisation's case workers, as the client file itself).
/// </summary>
public sealed class DocumentAuthorizationHandler(LotseDbContext db, TimeProvider time) : AuthorizationHandler<OperationAuthorizationRequirement, Document>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Document resource)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == resource.ClientId);
        if (client is null || !ClientAuthorizationHandler.VisibleTo(context.User).Compile()(client))
        {
            return;
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var cases = db.Cases.Where(c => resource.CaseId != null ? c.Id == resource.CaseId : c.ClientId == resource.ClientId || c.Members.Any(m => m.ClientId == resource.ClientId));
        if (await cases.Where(CaseAuthorizationHandler.VisibleTo(context.User, today)).AnyAsync() || (resource.CaseId is null && !await cases.AnyAsync()))
        {
            context.Succeed(requirement);
        }
    }
}
