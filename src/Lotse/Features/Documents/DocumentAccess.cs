using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Documents;

/// <summary>What a user wants to do with a document; <see cref="DocumentAuthorizationHandler"/> decides.</summary>
public sealed class DocumentOperation : OperationAuthorizationRequirement
{
    private DocumentOperation(string name) => Name = name;

    /// <summary>See that it exists and download its content.</summary>
    public static readonly DocumentOperation Read = new(nameof(Read));

    /// <summary>Delete it.</summary>
    public static readonly DocumentOperation Delete = new(nameof(Delete));
}

/// <summary>
/// Documents are need-to-know like cases: a document of a case follows the case's rule; a document
/// on the client file is for those who may see one of the person's cases (or, while the person has
/// no case yet, for the organisation's case workers, as the client file itself).
/// </summary>
public sealed class DocumentAuthorizationHandler(LotseDbContext db, TimeProvider time) : AuthorizationHandler<DocumentOperation, Document>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DocumentOperation requirement, Document resource)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == resource.ClientId);
        if (client is null || !ClientAuthorizationHandler.IsVisible(context.User, client))
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

/// <summary>
/// The only way to one document: finds it, asks <see cref="DocumentAuthorizationHandler"/>, writes
/// <c>Denied</c> on refusal (the caller answers 404). A download is audited by the store as data
/// leaving Lotse, so the gate writes no Read entry of its own.
/// </summary>
public sealed class DocumentGate(LotseDbContext db, IAuthorizationService authorization, Audit.AuditLog audit, Security.CurrentActor actor)
{
    public async Task<Document?> OpenAsync(Guid id, DocumentOperation operation, Guid? clientId = null, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id && (clientId == null || d.ClientId == clientId), cancellationToken);
        if (document is null)
        {
            return null;
        }

        if (!await MayAsync(document, operation))
        {
            await audit.DeniedAsync(nameof(Document), id, operation.Name, cancellationToken);
            return null;
        }

        return document;
    }

    /// <summary>The documents of a list the current user may see (a list is not a refusal).</summary>
    public async Task<List<Document>> VisibleAsync(IEnumerable<Document> documents)
    {
        var visible = new List<Document>();
        foreach (var document in documents)
        {
            if (await MayAsync(document, DocumentOperation.Read))
            {
                visible.Add(document);
            }
        }

        return visible;
    }

    private async Task<bool> MayAsync(Document document, DocumentOperation operation) =>
        actor.Principal is { } user && (await authorization.AuthorizeAsync(user, document, operation)).Succeeded;
}
