namespace Lotse.Features.Consents;

/// <summary>
/// The rule every referral must pass: an active sharing consent of the client names this recipient,
/// this purpose and every field shared. Pure, so that it is tested on its own.
/// </summary>
public static class ConsentCoverage
{
    public sealed record Result(Consent? Covering, IReadOnlyList<DataCategory> MissingFields, bool RecipientNamed, bool PurposeNamed)
    {
        public bool IsCovered => Covering is not null;
    }

    public static Result Check(IEnumerable<Consent> consents, Guid recipientOrganizationId, string needAreaCode,
        IReadOnlyCollection<DataCategory> fields, DateOnly today)
    {
        var active = consents.Where(c => c.Kind == ConsentKind.Sharing && c.IsActiveOn(today)).ToList();
        var forRecipient = active.Where(c => c.Recipients.Any(r => r.OrganizationId == recipientOrganizationId)).ToList();
        var forPurpose = forRecipient.Where(c => c.PurposeCodes.Contains(needAreaCode, StringComparer.Ordinal)).ToList();
        var covering = forPurpose.FirstOrDefault(c => fields.All(f => c.Categories.Contains(f)));
        if (covering is not null)
        {
            return new Result(covering, [], true, true);
        }

        // Name what is missing from the consent that comes closest.
        var closest = forPurpose.OrderByDescending(c => fields.Count(c.Categories.Contains)).FirstOrDefault();
        var missing = closest is null ? fields.ToList() : fields.Where(f => !closest.Categories.Contains(f)).ToList();
        return new Result(null, missing, forRecipient.Count > 0, forPurpose.Count > 0);
    }
}
