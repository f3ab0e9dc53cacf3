using Lotse.Features.Clients;
using Lotse.Web;

namespace Lotse.Tests.Web;

/// <summary>The one way a page puts a broken rule next to its field (issue 14: no per-page field switches).</summary>
public sealed class RuleViolationFormsTests
{
    [Theory]
    [InlineData("familyName", "Form.FamilyName")]
    [InlineData("nationalities", "Form.Nationality1")]
    [InlineData("languages", "Form.Language1")]
    [InlineData("districtId", "Form.DistrictId")]
    [InlineData("noSuchField", "")]
    [InlineData("", "")]
    public void A_client_rule_lands_on_the_client_form_field(string field, string key) =>
        Assert.Equal(key, RuleViolationForms.FieldFor(field, typeof(ClientForm), "Form."));

    [Theory]
    [InlineData("url", "Website")]
    [InlineData("languages", "OfferLanguages")]
    [InlineData("organizationId", "OrganizationId")]
    [InlineData("name", "Name")]
    // PageModel's own Url and Request are no form fields; an unmarked id is a hidden input.
    [InlineData("request", "")]
    [InlineData("id", "")]
    public void An_offer_rule_lands_on_the_offer_page_field_and_never_on_the_page_models_own_properties(string field, string key) =>
        Assert.Equal(key, RuleViolationForms.FieldFor(field, typeof(Lotse.Features.Offers.EditModel)));
}
