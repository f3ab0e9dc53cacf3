using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Lotse.Tests.Support;

/// <summary>
/// Validates JSON documents against the Open Referral HSDS 3.0 JSON schemas (JsonSchema.Net 8.0.5).
/// </summary>
/// <remarks>
/// The HSDS schema files carry no <c>$schema</c>/<c>$id</c>, reference each other relatively
/// (<c>"$ref": "phone.json"</c>) and contain non-standard keywords (<c>name</c>, <c>path</c>,
/// <c>constraints</c>, <c>datapackage_metadata</c>, <c>datapackage_type</c>, <c>core</c>,
/// <c>example</c>, <c>tabular_required</c>). They are therefore built with the draft 2020-12
/// dialect (which ignores unknown keywords) under the canonical base URI
/// <see cref="BaseUri"/> + file name, in a private schema registry.
/// </remarks>
public static class HsdsSchemas
{
    /// <summary>Canonical base URI of the HSDS 3.0 schema files (as used in openapi.json).</summary>
    public static readonly Uri BaseUri = new("https://raw.githubusercontent.com/openreferral/specification/3.0/schema/");

    /// <summary>Environment variable that may point to the schema directory.</summary>
    public const string SchemaDirectoryVariable = "HSDS_SCHEMA_DIR";

    private const string RelativeSchemaDirectory = "hsds-3.0/schema";
    private const string OpenApiFileName = "openapi.json";

    private static readonly ConcurrentDictionary<string, Lazy<SchemaSet>> Sets = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        Culture = CultureInfo.InvariantCulture,
    };

    private static string? defaultDirectory;

    /// <summary>
    /// Gets or sets the schema directory used by the overloads without a directory argument.
    /// If not set, <see cref="SchemaDirectoryVariable"/> is used, otherwise the directory
    /// <c>shared/standards/hsds-3.0/schema</c> is searched upwards from the application base directory.
    /// </summary>
    public static string SchemaDirectory
    {
        get => defaultDirectory ??= LocateSchemaDirectory();
        set => defaultDirectory = Path.GetFullPath(value);
    }

    /// <summary>Names of all loaded schema files (e.g. <c>service.json</c>), excluding openapi.json.</summary>
    public static IReadOnlyCollection<string> SchemaFileNames => GetSet(SchemaDirectory).Schemas.Keys.ToList();

    /// <summary>
    /// Validates <paramref name="document"/> against one schema file, e.g. <c>service.json</c>, or against a
    /// fragment of a loaded file, e.g. <c>openapi.json#/paths/~1/get/responses/200/content/application~1json/schema</c>.
    /// </summary>
    /// <returns>Human-readable error messages; empty if the document is valid.</returns>
    public static IReadOnlyList<string> Validate(string schemaFileName, JsonNode? document) =>
        Validate(SchemaDirectory, schemaFileName, document);

    /// <summary>Validates <paramref name="document"/> against a schema file from <paramref name="schemaDirectory"/>.</summary>
    /// <returns>Human-readable error messages; empty if the document is valid.</returns>
    public static IReadOnlyList<string> Validate(string schemaDirectory, string schemaFileName, JsonNode? document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaFileName);
        var set = GetSet(schemaDirectory);
        if (schemaFileName.Contains('#', StringComparison.Ordinal))
        {
            var wrapper = new JsonObject { ["$ref"] = schemaFileName };
            return Evaluate(set, set.Derived(schemaFileName, wrapper), document);
        }

        if (!set.Schemas.TryGetValue(schemaFileName, out var schema))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Unknown HSDS schema '{schemaFileName}'. Known: {string.Join(", ", set.Schemas.Keys)}"),
                nameof(schemaFileName));
        }

        return Evaluate(set, schema, document);
    }

    /// <summary>
    /// Validates a paged list response (<c>/services</c>, <c>/organizations</c>, ...): the envelope against
    /// <c>openapi.json#/components/schemas/Page</c> (all Page properties plus <c>contents</c> required) and every
    /// element of <c>contents</c> against <paramref name="itemSchemaFileName"/> (e.g. <c>service.json</c>).
    /// </summary>
    /// <remarks>Replaces the missing <c>compiled/*_list.json</c> schemas referenced by openapi.json.</remarks>
    /// <returns>Human-readable error messages; empty if the document is valid.</returns>
    public static IReadOnlyList<string> ValidatePage(string itemSchemaFileName, JsonNode? document) =>
        ValidatePage(SchemaDirectory, itemSchemaFileName, document);

    /// <summary>Like <see cref="ValidatePage(string, JsonNode?)"/> with an explicit schema directory.</summary>
    /// <returns>Human-readable error messages; empty if the document is valid.</returns>
    public static IReadOnlyList<string> ValidatePage(string schemaDirectory, string itemSchemaFileName, JsonNode? document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemSchemaFileName);
        var set = GetSet(schemaDirectory);
        if (!set.Schemas.ContainsKey(itemSchemaFileName))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Unknown HSDS schema '{itemSchemaFileName}'."),
                nameof(itemSchemaFileName));
        }

        return Evaluate(set, set.Derived("page_of_" + itemSchemaFileName, PageSchema(itemSchemaFileName)), document);
    }

    private static List<string> Evaluate(SchemaSet set, JsonSchema schema, JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = schema.Evaluate(json.RootElement, Evaluation);
        var messages = new List<string>();
        if (results.IsValid)
        {
            return messages;
        }

        Collect(set, json.RootElement, results, messages);
        if (messages.Count == 0)
        {
            messages.Add("(root): document is invalid (no detailed error reported)");
        }

        return messages;
    }

    private static void Collect(SchemaSet set, JsonElement root, EvaluationResults node, List<string> messages)
    {
        if (node.Errors is { Count: > 0 } errors)
        {
            var location = node.InstanceLocation.ToString();
            var value = Describe(node.InstanceLocation.Evaluate(root));
            foreach (var (keyword, message) in errors)
            {
                var allowed = keyword == "enum" ? AllowedValues(set, node.SchemaLocation) : null;
                messages.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(location.Length == 0 ? "(root)" : location)}: {message}{value}{allowed} [{keyword} at {ShortLocation(node.SchemaLocation)}]"));
            }
        }

        if (node.Details is { } details)
        {
            foreach (var child in details)
            {
                Collect(set, root, child, messages);
            }
        }
    }

    private static string ShortLocation(Uri schemaLocation) =>
        schemaLocation.OriginalString.Replace(BaseUri.AbsoluteUri, string.Empty, StringComparison.Ordinal);

    /// <summary>Renders scalar instance values (objects and arrays are omitted).</summary>
    private static string Describe(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = element.GetRawText();
        return " (value: " + (text.Length > 80 ? text[..77] + "..." : text) + ")";
    }

    /// <summary>Looks up the "enum" of the failing (sub)schema, e.g. service.json#/properties/status.</summary>
    private static string? AllowedValues(SchemaSet set, Uri schemaLocation)
    {
        var fileName = schemaLocation.GetLeftPart(UriPartial.Path)
            .Replace(BaseUri.AbsoluteUri, string.Empty, StringComparison.Ordinal);
        if (!set.Raw.TryGetValue(fileName, out var rawSchema)
            || !JsonPointer.TryParse(Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#')), out var pointer)
            || pointer.Evaluate(rawSchema) is not { ValueKind: JsonValueKind.Object } subschema
            || !subschema.TryGetProperty("enum", out var values)
            || values.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return " (allowed: " + string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText())) + ")";
    }

    private static SchemaSet GetSet(string schemaDirectory) =>
        Sets.GetOrAdd(Path.GetFullPath(schemaDirectory), dir => new Lazy<SchemaSet>(() => Load(dir))).Value;

    private static SchemaSet Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(string.Create(CultureInfo.InvariantCulture, $"HSDS schema directory not found: {directory}"));
        }

        var registry = new SchemaRegistry();
        var options = new BuildOptions
        {
            SchemaRegistry = registry,

            // The 8.x default dialect is v1/2026, which rejects unknown keywords like "name" or "core".
            Dialect = Dialect.Draft202012,
        };

        var texts = Directory.EnumerateFiles(directory, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

        // openapi.json is not a schema; register it as a plain document so that
        // "openapi.json#/components/schemas/Page" can be referenced.
        if (texts.Remove(OpenApiFileName, out var openApiText))
        {
            using var openApiDocument = JsonDocument.Parse(openApiText);
            var openApi = openApiDocument.RootElement.Clone();
            registry.Register(new Uri(BaseUri, OpenApiFileName), new JsonElementBaseDocument(openApi, new Uri(BaseUri, OpenApiFileName)));
        }

        // $refs are resolved lazily on first evaluation, so the build order does not matter;
        // an unresolvable $ref surfaces as RefResolutionException from Evaluate.
        var schemas = new SortedDictionary<string, JsonSchema>(StringComparer.Ordinal);
        var raw = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, text) in texts)
        {
            schemas[name] = JsonSchema.FromText(text, options, new Uri(BaseUri, name));
            using var parsed = JsonDocument.Parse(text);
            raw[name] = parsed.RootElement.Clone();
        }

        return new SchemaSet(options, schemas, raw);
    }

    private static JsonObject PageSchema(string itemSchemaFileName) => new()
    {
        ["type"] = "object",
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = OpenApiFileName + "#/components/schemas/Page" }),
        ["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"),
        ["properties"] = new JsonObject
        {
            ["contents"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = itemSchemaFileName },
            },
        },
    };

    private static string LocateSchemaDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(SchemaDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeSchemaDirectory);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "HSDS schema directory not found; set " + SchemaDirectoryVariable + " or HsdsSchemas.SchemaDirectory.");
    }

    private sealed class SchemaSet(BuildOptions options, SortedDictionary<string, JsonSchema> schemas, Dictionary<string, JsonElement> raw)
    {
        /// <summary>Raw schema JSON per file name, used to enrich "enum" errors with the allowed values.</summary>
        public Dictionary<string, JsonElement> Raw { get; } = raw;

        public BuildOptions Options { get; } = options;

        public IReadOnlyDictionary<string, JsonSchema> Schemas { get; } = schemas;

        private ConcurrentDictionary<string, Lazy<JsonSchema>> DerivedSchemas { get; } = new(StringComparer.Ordinal);

        /// <summary>Builds (once) a synthetic schema living next to the HSDS files, so relative $refs resolve.</summary>
        public JsonSchema Derived(string key, JsonObject schema) =>
            DerivedSchemas.GetOrAdd(
                key,
                k => new Lazy<JsonSchema>(() => JsonSchema.FromText(
                    schema.ToJsonString(),
                    Options,
                    new Uri(BaseUri, "derived_" + string.Concat(k.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".json")))).Value;
    }
}
