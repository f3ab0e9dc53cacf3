using System.Globalization;

namespace Lotse;

/// <summary>
/// A rule of the domain that the input breaks, with the field it concerns (in API camelCase) and a
/// German message (a localisation key, with <see cref="Arguments"/> for its placeholders). Pages show
/// it next to the field, the API as a validation problem; nothing is saved.
/// </summary>
#pragma warning disable CA1032 // Constructed only with a field and a message.
public sealed class RuleViolationException(string field, string key, params object[] arguments)
    : Exception(string.Format(CultureInfo.InvariantCulture, key, arguments))
#pragma warning restore CA1032
{
    public string Field { get; } = field;

    /// <summary>The German message with placeholders; the localisation key.</summary>
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
