using System.Security.Cryptography;

namespace Lotse.Data;

/// <summary>
/// The record key of the cell key method (ADR 012): a random number drawn once when a counted record
/// (client, case, goal, referral, contact) is created and never changed. The KIM report derives the
/// noise of a published count from the sum of the keys of the records it counts, so the same records
/// always get the same noise. A key is secret: it never leaves the database (no API, file or export
/// carries it), or the noise could be taken off again.
/// </summary>
public static class RecordKeys
{
    /// <summary>Keys are whole numbers from 0 to <c>Modulus − 1</c>; sums are taken modulo it, exactly, in the database.</summary>
    public const int Modulus = 1 << 20;

    public static int New() => RandomNumberGenerator.GetInt32(Modulus);
}
