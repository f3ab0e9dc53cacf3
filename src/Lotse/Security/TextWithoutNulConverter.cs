using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lotse.Security;

/// <summary>
/// Reads JSON strings for the API and refuses a NUL character — nothing a person types, and nothing
/// PostgreSQL can store or compare — so the request answers 400 with the field instead of failing
/// in the database.
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("A NUL character is not allowed.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
