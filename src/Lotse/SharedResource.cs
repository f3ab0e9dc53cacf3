namespace Lotse;

/// <summary>
/// Marker for the shared UI strings. Keys are the German texts; <c>Resources/SharedResource.en.resx</c>
/// holds the English translations.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class SharedResource;
#pragma warning restore CA1052
