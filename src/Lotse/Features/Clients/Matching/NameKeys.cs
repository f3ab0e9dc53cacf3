using System.Text;
using AnyAscii;

namespace Lotse.Features.Clients.Matching;

/// <summary>
/// Script- and spelling-insensitive forms of person names: a lowercase ascii form, a consonant skeleton
/// that transliteration variants share, and the small set of keys stored per client for indexed lookups.
/// </summary>
public static partial class NameKeys
{
    private const int MaxKeys = 10;
    private const int MaxKeyLength = 64;

    // The Arabic article as written in Latin script (before sun letters the l assimilates: ar-Rahman, as-Sayed),
    // and "l" as split off Arabic script, where AnyAscii drops the alif.
    private static readonly HashSet<string> Articles = ["l", "al", "el", "ul", "il", "ad", "ed", "ar", "er", "as", "es", "at", "az", "an", "ash"];

    /// <summary>
    /// Lowercase ascii transliteration (AnyAscii) with German umlauts as ae/oe/ue; every other non-letter
    /// becomes a single space.
    /// </summary>
    public static string Ascii(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var transliterated = Prepare(text.Normalize(NormalizationForm.FormC)).Transliterate();
        var builder = new StringBuilder(transliterated.Length);
        foreach (var c in transliterated)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '`'))
            {
                // Apostrophes stand for ain/hamza (ʿAbd → `Abd) or join a name (O'Brien), so they do not split words.
                builder.Append(' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The consonant skeleton of one ascii token, equal for transliteration variants:
    /// Mohammed, Muhammad, Mohamad and محمد give "mhmd"; Ivanov, Iwanow and Иванов give "vnv".
    /// </summary>
    public static string Skeleton(string asciiToken) => string.Concat(Phonetic(asciiToken).Where(c => !IsVowel(c)));

    /// <summary>
    /// An ascii token with the letters that transliteration conventions use for the same sound made equal
    /// and doubled letters collapsed, but with its vowels.
    /// </summary>
    internal static string Phonetic(string asciiToken)
    {
        ArgumentNullException.ThrowIfNull(asciiToken);

        // German and English spell the same sounds differently (tsch/ch, sch/sh); ph is f.
        var text = asciiToken
            .Replace("tsch", "ch", StringComparison.Ordinal)
            .Replace("sch", "sh", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal);
        var phonetic = new StringBuilder(text.Length + 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // The h of kh/ch/sh/th/gh/dh/zh only marks a variant of the first letter (Zakharov/Sacharow),
            // and a final h is silent or a ta marbuta (Fatimah/Fatima/فاطمة).
            if (c == 'h' && (i == text.Length - 1 || (i > 0 && "cdgkstz".Contains(text[i - 1], StringComparison.Ordinal))))
            {
                continue;
            }

            // w/v (Iwanow/Ivanov), c/k/q (Popescu/Popesku), z/s (Sacharow/Zakharov), x/ks (Alexander/Oleksandr),
            // j/y (Jussuf/Yusuf). Doubling is not written consistently (Mohammed/Mohamed).
            foreach (var mapped in c switch { 'c' or 'q' => "k", 'w' => "v", 'z' => "s", 'x' => "ks", 'j' => "y", _ => c.ToString() })
            {
                if (phonetic.Length == 0 || phonetic[^1] != mapped)
                {
                    phonetic.Append(mapped);
                }
            }
        }

        return phonetic.ToString();
    }

    // Arabic writes no short vowels and transliterations disagree on them; y (and j, mapped to it) is mostly
    // a vowel or glide (Yusuf/Jussuf/Youssef).
    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>
    /// The distinct keys to store for one spelling of a client's name, and to look up with for a query.
    /// A key does not tell whether it came from the given or the family name, so swapped names still meet.
    /// </summary>
    public static IReadOnlyList<string> LookupKeys(string? givenName, string? familyName)
    {
        var family = Tokens(familyName);
        var given = Tokens(givenName);
        IEnumerable<string[]> sources = [family, WithoutArticle(family), given, .. family.Concat(given).Where(t => !Articles.Contains(t)).Select(t => new[] { t })];
        return [.. sources.Select(Key).Where(k => k.Length >= 2).Distinct(StringComparer.Ordinal).Take(MaxKeys)];
    }

    /// <summary>
    /// Other ways a searcher may have written the same name, each rule on its own, for the search box only
    /// (stored keys stay as they are): German "ch" after a vowel for the Arabic ḥ or kh (Achmed/Ahmad,
    /// Mochammed), "tch" as English and French write ч (Tkatchenko/Tkachenko), "dsch" for j (Dschamila/Jamila).
    /// </summary>
    public static IReadOnlyList<string> SearchVariants(string? text)
    {
        var ascii = Ascii(text);
        string[] variants =
        [
            ascii.Replace("tch", "ch", StringComparison.Ordinal),
            VowelCh().Replace(ascii, "$1h"),
            ascii.Replace("dsch", "j", StringComparison.Ordinal),
        ];
        return [.. variants.Where(v => v != ascii).Distinct(StringComparer.Ordinal)];
    }

    [System.Text.RegularExpressions.GeneratedRegex("([aeiou])ch")]
    private static partial System.Text.RegularExpressions.Regex VowelCh();

    /// <summary>Lowercase ascii tokens of a search text, for prefix search while the user types.</summary>
    public static IReadOnlyList<string> SearchPrefixes(string? text) => [.. Tokens(text).Distinct(StringComparer.Ordinal)];

    internal static string[] Tokens(string? text) => Ascii(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    internal static string[] WithoutArticle(string[] tokens) =>
        tokens.Length > 1 && Articles.Contains(tokens[0]) ? tokens[1..] : tokens;

    private static string Key(string[] tokens)
    {
        var phonetic = Phonetic(string.Concat(tokens));
        var skeleton = string.Concat(phonetic.Where(c => !IsVowel(c)));

        // Short names (Ali, Eva/Ewa) have almost no consonants; their vowels are needed to tell them apart.
        var key = skeleton.Length >= 2 ? skeleton : phonetic;
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
    }

    // Arabic script only: the article ال is split off like al- in Latin script (as "l", AnyAscii drops the alif),
    // و and ي inside a word are long vowels (Yusuf, not ywsf), and the feminine ة is spoken -a (Amira).
    private static string Prepare(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var wordStart = builder.Length == 0 || !char.IsLetter(builder[^1]);
            if (wordStart && c == 'ا' && i + 2 < text.Length && text[i + 1] == 'ل' && char.IsLetter(text[i + 2]))
            {
                builder.Append("l ");
                i++;
                continue;
            }

            builder.Append(c switch
            {
                'ä' or 'Ä' => "ae",
                'ö' or 'Ö' => "oe",
                'ü' or 'Ü' => "ue",
                'و' when !wordStart => "u",
                'ي' or 'ی' when !wordStart => "i",
                'ة' => "a",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
