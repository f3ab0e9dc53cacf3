using System.Security.Cryptography;
using System.Text;

namespace Lotse.Features.Offers.Hsds;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) for HSDS records that Lotse does not store as rows
/// of their own — phones, languages, addresses, taxonomy terms. The same input always gives the same id.
/// </summary>
public static class StableId
{
    public static Guid From(Guid space, string name)
    {
        var bytes = space.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; no security depends on it.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        var id = hash.AsSpan(0, 16).ToArray();
        id[6] = (byte)((id[6] & 0x0F) | 0x50);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id, bigEndian: true);
    }
}
