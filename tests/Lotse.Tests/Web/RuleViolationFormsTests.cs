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
    [InlineData("organizationId", "OrganizationId")]
    [InlineData("name", "Name")]
    // PageModel's own Url and Request are no form fields; an unmarked id is a hidden input.
    [InlineData("request", "")]
    [InlineData("id", "")]
    // A list of checkboxes shows no message of its own: above the form.
    [InlineData("needAreas", "")]
    public void An_offer_rule_lands_on_the_offer_page_field_and_never_on_the_page_models_own_properties(string field, string key) =>
        Assert.Equal(key, RuleViolationForms.FieldFor(field, typeof(Lotse.Features.Offers.EditModel)));

    [Fact]
    public void An_input_that_is_no_property_keeps_its_name_and_a_page_without_a_form_shows_the_rule_above()
    {
        var modelState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var localizer = new Microsoft.Extensions.Localization.StringLocalizer<SharedResource>(
            new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        modelState.AddRuleViolation(new RuleViolationException("file", "Bitte eine Datei wählen – diese ist leer."), localizer, new object(), inputs: ["file"]);
        modelState.AddRuleViolation(new RuleViolationException("needArea", "Bitte wählen Sie ein Handlungsfeld."), localizer);
        Assert.Equal(["", "file"], modelState.Keys.Order());
    }
}
