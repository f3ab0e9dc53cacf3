using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Lotse.Web;

/// <summary>
/// Names the form property a rule's field stands for where the two differ (the rule says
/// <c>url</c>, the form calls it <c>Website</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RuleFieldAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

/// <summary>
/// The one way a page shows a broken rule: next to the form property named like the rule's field
/// (<c>givenOn</c> → <c>GivenOn</c>, or the property marked <see cref="RuleFieldAttribute"/>), above the
/// form when the form has no such property, or it is an id or a list not marked as showing its message. The API answers the same rule with the same field.
/// </summary>
public static class RuleViolationForms
{
    /// <param name="modelState">The page's model state.</param>
    /// <param name="violation">The broken rule.</param>
    /// <param name="localizer">Translates the rule's German message.</param>
    /// <param name="form">The object whose properties the form binds: the page model or a nested form.</param>
    /// <param name="prefix">The form's prefix in the field names, e.g. <c>Form.</c>.</param>
    /// <param name="inputs">Inputs the form renders with their error that are no property of it (an upload's <c>file</c>).</param>
    public static void AddRuleViolation(this ModelStateDictionary modelState, RuleViolationException violation, IStringLocalizer localizer, object? form = null,
        string prefix = "", IReadOnlyCollection<string>? inputs = null) =>
        modelState.AddModelError(
            inputs?.Contains(violation.Field) == true ? violation.Field : form is null ? string.Empty : FieldFor(violation.Field, form.GetType(), prefix),
            localizer[violation.Key, [.. violation.Arguments]]);

    /// <summary>The model-state key for a rule's field on a form type; empty when the form has no such property.</summary>
    public static string FieldFor(string field, Type form, string prefix = "")
    {
        if (field.Length == 0)
        {
            return string.Empty;
        }

        // Only what the form type declares itself: a page model's own inputs, never PageModel.Url or Request.
        // An id travels in a hidden input or the route, and a list is a group of checkboxes or rows that
        // shows no message of its own: both go above the form unless the form shows the message beside
        // the field and says so with [RuleField].
        var properties = form.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        var property = properties.FirstOrDefault(p => p.GetCustomAttribute<RuleFieldAttribute>()?.Field == field)
            ?? properties.FirstOrDefault(p => p.GetCustomAttribute<RuleFieldAttribute>() is null && ShowsItsOwnMessage(p.PropertyType)
                && string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        return property is null ? string.Empty : prefix + property.Name;
    }

    private static bool ShowsItsOwnMessage(Type type) =>
        type != typeof(Guid) && type != typeof(Guid?) && (type == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type));
}
