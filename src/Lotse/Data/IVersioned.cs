namespace Lotse.Data;

/// <summary>
/// An editable aggregate with an optimistic concurrency token. The version is bumped on every
/// save by <see cref="VersioningInterceptor"/>; a save that finds another version in the database
/// fails with <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>An entity with creation and modification stamps, set by <see cref="VersioningInterceptor"/>.</summary>
public interface IStamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
