using Lotse.Features.Organizations;
using Microsoft.AspNetCore.Identity;

namespace Lotse.Features.Users;

/// <summary>A person who signs in to Lotse. Every user belongs to exactly one organisation.</summary>
public sealed class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Deactivated users cannot sign in and their tokens stop working; their records stay.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>An Identity role; the names are the code names in <see cref="Roles"/>.</summary>
public sealed class Role : IdentityRole<Guid>
{
    public Role()
    {
        Id = Guid.CreateVersion7();
    }
}
