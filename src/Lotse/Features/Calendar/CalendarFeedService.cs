using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Calendar;

/// <summary>The personal iCalendar feed: a secret URL per user, stored only as a hash, revocable.</summary>
public sealed class CalendarFeedService(LotseDbContext db, TimeProvider time)
{
    /// <summary>Creates a new secret (revoking the previous one) and returns it; it is shown once.</summary>
    public async Task<string> RenewAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, Hash = Hash(secret), CreatedAt = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            feed.Hash = Hash(secret);
            feed.CreatedAt = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<bool> ExistsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.CalendarFeeds.AnyAsync(f => f.UserId == userId, cancellationToken);

    /// <summary>The iCalendar text for a secret, or null when the secret is unknown or revoked.</summary>
    public async Task<string?> RenderAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (secret.Length is < 20 or > 64)
        {
            return null;
        }

        var hash = Hash(secret);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Hash == hash, cancellationToken);
        if (feed is null || !await db.Users.AnyAsync(u => u.Id == feed.UserId && u.IsActive, cancellationToken))
        {
            return null;
        }

        var from = time.GetUtcNow().UtcDateTime.AddDays(-31);
        var appointments = await db.Appointments.Where(a => a.UserId == feed.UserId && a.End >= from).OrderBy(a => a.Start).Take(1000).ToListAsync(cancellationToken);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Lotse//Termine//DE" };
        calendar.AddProperty("X-WR-CALNAME", "Lotse");
        foreach (var appointment in appointments)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = appointment.Id + "@lotse",
                Summary = appointment.Title,
                Location = appointment.Location,
                DtStart = new CalDateTime(DateTime.SpecifyKind(appointment.Start, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(appointment.End, DateTimeKind.Utc)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(appointment.UpdatedAt, DateTimeKind.Utc)),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
