using Lotse.Features.Consents;
using Lotse.Features.Offers;
using Lotse.Features.Referrals;

namespace Lotse.Tests.Network;

public sealed class NetworkRuleTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Debt = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Consent Consent(Guid recipient, string purpose, DataCategory[] categories, DateOnly? until = null, bool withdrawn = false)
    {
        var consent = new Consent { FormVersion = "t", GivenOn = Today.AddDays(-3), ValidUntil = until, PurposeCodes = [purpose], Categories = [.. categories], WithdrawnAt = withdrawn ? Today.AddDays(-1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) : null };
        consent.Recipients.Add(new ConsentRecipient { OrganizationId = recipient });
        return consent;
    }

    [Fact]
    public void A_consent_covers_a_referral_only_for_its_recipient_its_purpose_and_its_fields()
    {
        var consents = new[] { Consent(School, "sprache", [DataCategory.Name, DataCategory.Phone]) };
        Assert.True(ConsentCoverage.Check(consents, School, "sprache", [DataCategory.Name], Today).IsCovered);

        var otherRecipient = ConsentCoverage.Check(consents, Debt, "sprache", [DataCategory.Name], Today);
        Assert.False(otherRecipient.IsCovered);
        Assert.False(otherRecipient.RecipientNamed);

        var otherPurpose = ConsentCoverage.Check(consents, School, "wohnen", [DataCategory.Name], Today);
        Assert.True(otherPurpose.RecipientNamed);
        Assert.False(otherPurpose.PurposeNamed);

        var moreFields = ConsentCoverage.Check(consents, School, "sprache", [DataCategory.Name, DataCategory.BirthDate, DataCategory.Address], Today);
        Assert.Equal([DataCategory.BirthDate, DataCategory.Address], moreFields.MissingFields);
    }

    [Fact]
    public void Withdrawn_expired_and_future_consents_cover_nothing()
    {
        Assert.False(ConsentCoverage.Check([Consent(School, "sprache", [DataCategory.Name], withdrawn: true)], School, "sprache", [DataCategory.Name], Today).IsCovered);
        Assert.False(ConsentCoverage.Check([Consent(School, "sprache", [DataCategory.Name], until: Today.AddDays(-1))], School, "sprache", [DataCategory.Name], Today).IsCovered);
        Assert.True(ConsentCoverage.Check([Consent(School, "sprache", [DataCategory.Name], until: Today)], School, "sprache", [DataCategory.Name], Today).IsCovered);
        var future = Consent(School, "sprache", [DataCategory.Name]);
        future.GivenOn = Today.AddDays(1);
        Assert.False(ConsentCoverage.Check([future], School, "sprache", [DataCategory.Name], Today).IsCovered);
    }

    [Fact]
    public void The_lifecycle_lets_each_side_take_only_its_own_steps()
    {
        Assert.Equal(ReferralStatus.Sent, ReferralRules.Target(ReferralAction.Send, ReferralStatus.Draft));
        Assert.Null(ReferralRules.Target(ReferralAction.Complete, ReferralStatus.Sent));
        Assert.Null(ReferralRules.Target(ReferralAction.Accept, ReferralStatus.Withdrawn));
        Assert.Equal(ReferralSide.Recipient, ReferralRules.SideOf(ReferralAction.Decline));
        Assert.Equal([ReferralAction.Withdraw], ReferralRules.Available(ReferralStatus.Accepted, ReferralSide.Sender));
        Assert.Equal([ReferralAction.Accept, ReferralAction.Decline, ReferralAction.Redirect, ReferralAction.Start], ReferralRules.Available(ReferralStatus.Sent, ReferralSide.Recipient));
        // Once accepted it is no longer declined: the partner works on it, closes it, reports it not attended or points elsewhere.
        Assert.Equal([ReferralAction.Redirect, ReferralAction.Start, ReferralAction.Complete, ReferralAction.NotAttended], ReferralRules.Available(ReferralStatus.Accepted, ReferralSide.Recipient));
        Assert.Empty(ReferralRules.Available(ReferralStatus.Completed, ReferralSide.Recipient));
        Assert.Equal(ReferralAction.NotAttended, ReferralRules.ParseAction("not-attended"));
        Assert.Null(ReferralRules.ParseAction("delete"));
    }

    [Fact]
    public void Working_days_skip_weekends_and_the_public_holidays_of_NRW()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), WorkingDays.EasterSunday(2026));
        Assert.True(WorkingDays.IsPublicHoliday(new DateOnly(2026, 4, 3))); // Karfreitag
        Assert.True(WorkingDays.IsPublicHoliday(new DateOnly(2026, 6, 4))); // Fronleichnam
        Assert.True(WorkingDays.IsPublicHoliday(new DateOnly(2026, 11, 1))); // Allerheiligen
        Assert.False(WorkingDays.IsPublicHoliday(new DateOnly(2026, 11, 25)));

        // Thursday 2 April 2026 + 2 working days: Good Friday, the weekend and Easter Monday are skipped.
        Assert.Equal(new DateOnly(2026, 4, 8), WorkingDays.Add(new DateOnly(2026, 4, 2), 2));
        Assert.Equal(new DateOnly(2026, 11, 30), WorkingDays.Add(new DateOnly(2026, 11, 25), 3));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_pair()
    {
        Assert.Null(OfferService.Median([]));
        Assert.Equal(TimeSpan.FromHours(3), OfferService.Median([TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(10)]));
        Assert.Equal(TimeSpan.FromHours(2.5), OfferService.Median([TimeSpan.FromHours(4), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3)]));
    }
}
