using System.Text.RegularExpressions;
using OtpNet;

namespace Lotse.Tests.Support;

/// <summary>Plays the authenticator app: reads the shared key from the enrolment page and computes codes.</summary>
public static partial class Totp
{
    [GeneratedRegex("data-testid=\"shared-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    public static string SharedKeyFrom(string enrolmentHtml)
    {
        var match = KeyPattern().Match(enrolmentHtml);
        Assert.True(match.Success, "No shared key on the enrolment page");
        return match.Groups[1].Value;
    }

    public static string Code(string sharedKey) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
