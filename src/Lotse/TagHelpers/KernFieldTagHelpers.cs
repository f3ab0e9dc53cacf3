using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lotse.TagHelpers;

/// <summary>
/// Renders a KERN form field for a model property: label, hint, input or select, and the server's
/// validation message, wired with <c>aria-describedby</c> and <c>aria-invalid</c>.
/// <code>&lt;kern-field for="Input.Email" label="E-Mail-Adresse" type="email" /&gt;</code>
/// </summary>
[HtmlTargetElement("kern-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KernFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>text, email, password, number, date, textarea, select or checkbox.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public bool Optional { get; set; }

    public string? OptionalText { get; set; }

    public bool Required { get; set; }

    /// <summary>The options of a select.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The first, empty option of a select.</summary>
    public string? Placeholder { get; set; }

    public string? InputMode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList()
            : [];
        var attempted = entry?.AttemptedValue;
        var hasError = errors.Count > 0;
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", hasError ? id + "-error" : null }.OfType<string>());
        string E(string? value) => encoder.Encode(value ?? string.Empty);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var html = new System.Text.StringBuilder();

        if (Type == "checkbox")
        {
            var isChecked = attempted is not null ? attempted.Contains("true", StringComparison.OrdinalIgnoreCase) : For.Model is true;
            output.Attributes.SetAttribute("class", hasError ? "kern-form-check kern-form-check--error" : "kern-form-check");
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"kern-form-check__checkbox\" type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(isChecked ? " checked" : string.Empty)}{Described(describedBy)} />");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"kern-label\" for=\"{id}\">{E(Label)}</label>");
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{E(name)}\" value=\"false\" />");
            AppendHintAndErrors(html, id, errors, E);
            output.Content.SetHtmlContent(html.ToString());
            return;
        }

        output.Attributes.SetAttribute("class", hasError ? "kern-form-input kern-form-input--error" : "kern-form-input");
        var optional = Optional ? $" <span class=\"kern-label__optional\">{E(OptionalText ?? "– optional")}</span>" : string.Empty;
        html.Append(CultureInfo.InvariantCulture, $"<label class=\"kern-label\" for=\"{id}\">{E(Label)}{optional}</label>");
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kern-hint\" id=\"{id}-hint\">{E(Hint)}</div>");
        }

        var common = $" id=\"{id}\" name=\"{E(name)}\"{Described(describedBy)}{(hasError ? " aria-invalid=\"true\"" : string.Empty)}{(Required ? " required aria-required=\"true\"" : string.Empty)}";
        var value = attempted ?? (Type == "datetime-local" && For.Model is DateTime moment
            ? moment.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : Format(For.Model));
        if (Type == "select")
        {
            var selected = value;
            html.Append("<div class=\"kern-form-input__select-wrapper\">");
            html.Append(CultureInfo.InvariantCulture, $"<select class=\"kern-form-input__select{(hasError ? " kern-form-input__select--error" : string.Empty)}\"{common}>");
            if (Placeholder is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{E(Placeholder)}</option>");
            }

            foreach (var item in Items ?? [])
            {
                var isSelected = string.Equals(item.Value, selected, StringComparison.OrdinalIgnoreCase) || (selected is null && item.Selected);
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(item.Value)}\"{(isSelected ? " selected" : string.Empty)}>{E(item.Text)}</option>");
            }

            html.Append("</select></div>");
        }
        else if (Type == "textarea")
        {
            html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"kern-form-input__input{(hasError ? " kern-form-input__input--error" : string.Empty)}\" rows=\"4\"{common}>{E(value)}</textarea>");
        }
        else
        {
            var valueAttribute = Type == "password" ? string.Empty : $" value=\"{E(value)}\"";
            var extra = (Autocomplete is null ? string.Empty : $" autocomplete=\"{E(Autocomplete)}\"") + (InputMode is null ? string.Empty : $" inputmode=\"{E(InputMode)}\"");
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"kern-form-input__input{(hasError ? " kern-form-input__input--error" : string.Empty)}\" type=\"{E(Type)}\"{common}{valueAttribute}{extra} />");
        }

        AppendErrors(html, id, errors, E);
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Described(string describedBy) =>
        describedBy.Length == 0 ? string.Empty : $" aria-describedby=\"{describedBy}\"";

    private void AppendHintAndErrors(System.Text.StringBuilder html, string id, List<string> errors, Func<string?, string> encode)
    {
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kern-hint\" id=\"{id}-hint\">{encode(Hint)}</div>");
        }

        AppendErrors(html, id, errors, encode);
    }

    private static void AppendErrors(System.Text.StringBuilder html, string id, List<string> errors, Func<string?, string> encode)
    {
        if (errors.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"kern-error\" id=\"{id}-error\" role=\"alert\"><span class=\"kern-icon kern-icon--danger\" aria-hidden=\"true\"></span><span class=\"kern-body\">{encode(string.Join(" ", errors))}</span></p>");
    }

    private static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}

/// <summary>A KERN alert listing the form's errors that belong to no single field.</summary>
[HtmlTargetElement("kern-form-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KernFormErrorsTagHelper(HtmlEncoder encoder) : TagHelper
{
    public required string Title { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState.TryGetValue(string.Empty, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "kern-alert kern-alert--danger app-flash");
        output.Attributes.SetAttribute("role", "alert");
        // site.js moves focus here when no field of its own holds the error.
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-form-errors", null);
        var items = string.Concat(errors.Select(e => $"<p class=\"kern-body\">{encoder.Encode(e)}</p>"));
        output.Content.SetHtmlContent(
            $"<div class=\"kern-alert__header\"><span class=\"kern-icon kern-icon--danger\" aria-hidden=\"true\"></span><span class=\"kern-title\">{encoder.Encode(Title)}</span></div><div class=\"kern-alert__body\">{items}</div>");
    }
}
