using System.Text;
using F23.StringSimilarity;

namespace Lotse.Features.Clients.Matching;

/// <summary>
/// Scores how likely a candidate client is the person being entered or searched, across scripts,
/// transliterations, diacritics, compound names, swapped name parts and partly known birth dates.
/// </summary>
public static class DuplicateScorer
{
    /// <summary>Candidates scoring below this are not shown.</summary>
    public const int Threshold = 60;

    // A perfect name match alone scores 85; the birth date decides the rest or pulls the score down.
    private const double NamePoints = 85;
    private const double FamilyWeight = 0.6;
    private const double GivenWeight = 0.4;
    private const double MissingPart = 0.5;
    private const double SwapFactor = 0.9;
    private const double ArticleOnly = 0.95;
    private const double SkeletonMatch = 0.92;
    private const double ArticleSkeletonMatch = 0.9;
    private const int SameDate = 15;
    private const int DateAgrees = 8;
    private const int DayDiffers = -25;
    private const int MonthDiffers = -20;
    private const int YearDiffers = -40;

    // Jaro-Winkler similarity of the phonetic forms below which spellings are unrelated, and the vowels disagree
    // too much for a shared skeleton to be a transliteration variant (Hassan/Hussein 0.70, Mohammed/Muhammad 0.83).
    private const double SimilarFloor = 0.8;
    private const double FuzzyCeiling = 0.85;
    private const double ReportedFuzzy = 0.6;

    private static readonly JaroWinkler JaroWinkler = new();

    [Flags]
    private enum Kind
    {
        None = 0,
        Exact = 1,
        Variant = 2,
        Compound = 4,
    }

    /// <summary>One spelling of a person's name; the given name may be unknown.</summary>
    public sealed record NameSpelling(string? GivenName, string FamilyName);

    /// <summary>A score from 0 to 100 and the reason codes (see <see cref="MatchReasons"/>) behind it.</summary>
    public sealed record MatchResult(int Score, IReadOnlyList<string> Reasons);

    /// <summary>
    /// Scores the query against the best of the candidate's spellings (main name first, then other spellings)
    /// and adjusts by birth date. Deterministic; ordering candidates is the caller's job.
    /// </summary>
    public static MatchResult Score(NameSpelling query, PartialDate? queryBirthDate, IReadOnlyList<NameSpelling> candidateSpellings, PartialDate? candidateBirthDate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidateSpellings);

        NameMatch? best = null;
        for (var i = 0; i < candidateSpellings.Count; i++)
        {
            var match = CompareNames(query, candidateSpellings[i]);
            if (best is null || match.Similarity > best.Value.Similarity)
            {
                best = match with { OtherSpelling = i > 0 };
            }
        }

        if (best is not { } name)
        {
            return new MatchResult(0, []);
        }

        var (datePoints, dateReason) = CompareDates(queryBirthDate, candidateBirthDate);
        string?[] others = [name.Swapped ? MatchReasons.NamesSwapped : null, name.OtherSpelling ? MatchReasons.OtherSpelling : null, dateReason];
        List<string> reasons =
        [
            .. ReasonsFor(name.Family, MatchReasons.FamilyNameExact, MatchReasons.FamilyNameVariant, MatchReasons.FamilyNameCompound),
            .. ReasonsFor(name.Given, MatchReasons.GivenNameExact, MatchReasons.GivenNameVariant, MatchReasons.GivenNameCompound),
            .. others.OfType<string>(),
        ];

        var score = (int)Math.Round(NamePoints * name.Similarity, MidpointRounding.AwayFromZero) + datePoints;
        return new MatchResult(Math.Clamp(score, 0, 100), reasons);
    }

    private static NameMatch CompareNames(NameSpelling query, NameSpelling candidate)
    {
        var family = ComparePart(query.FamilyName, candidate.FamilyName);
        var given = ComparePart(query.GivenName, candidate.GivenName);
        var direct = new NameMatch(Combine(family, given), family, given, Swapped: false, OtherSpelling: false);
        if (string.IsNullOrWhiteSpace(query.GivenName) || string.IsNullOrWhiteSpace(candidate.GivenName))
        {
            return direct;
        }

        // Given and family name are often swapped when names are taken from documents of other cultures.
        var swappedFamily = ComparePart(query.FamilyName, candidate.GivenName);
        var swappedGiven = ComparePart(query.GivenName, candidate.FamilyName);
        var swapped = SwapFactor * Combine(swappedFamily, swappedGiven);
        return swapped > direct.Similarity ? new NameMatch(swapped, swappedFamily, swappedGiven, Swapped: true, OtherSpelling: false) : direct;
    }

    private static double Combine(PartMatch? family, PartMatch? given) =>
        (FamilyWeight * (family?.Similarity ?? MissingPart)) + (GivenWeight * (given?.Similarity ?? MissingPart));

    private static PartMatch? ComparePart(string? a, string? b)
    {
        var tokensA = NameKeys.Tokens(a);
        var tokensB = NameKeys.Tokens(b);
        if (tokensA.Length == 0 || tokensB.Length == 0)
        {
            return null;
        }

        if (string.Equals(Normalized(a!, lettersOnly: false), Normalized(b!, lettersOnly: false), StringComparison.OrdinalIgnoreCase))
        {
            return new PartMatch(1, Kind.Exact);
        }

        var joinedA = string.Concat(tokensA);
        var joinedB = string.Concat(tokensB);
        var splitDiffers = tokensA.Length != tokensB.Length;
        if (joinedA == joinedB)
        {
            // Same ascii letters: either only the joining differs (Abdul Rahman/Abdulrahman, al-Hasan/al Hasan),
            // or only diacritics and script (Ştefan/Stefan, Müller/Mueller, Иванов/Ivanov), or both.
            var sameLetters = string.Equals(Normalized(a!, lettersOnly: true), Normalized(b!, lettersOnly: true), StringComparison.OrdinalIgnoreCase);
            return new PartMatch(1, (sameLetters ? Kind.Compound : Kind.Variant) | (splitDiffers ? Kind.Compound : Kind.None));
        }

        var strippedA = string.Concat(NameKeys.WithoutArticle(tokensA));
        var strippedB = string.Concat(NameKeys.WithoutArticle(tokensB));
        if (strippedA == strippedB)
        {
            return new PartMatch(ArticleOnly, Kind.Compound);
        }

        var abjadA = WrittenWithoutShortVowels(a!);
        var abjadB = WrittenWithoutShortVowels(b!);
        var joined = new Spelling(NameKeys.Phonetic(joinedA), NameKeys.Phonetic(joinedB), abjadA, abjadB);
        if (joined.IsVariant)
        {
            // Arabic script has its own word breaks (the article is always attached), so they say nothing there.
            return new PartMatch(SkeletonMatch, Kind.Variant | (splitDiffers && !abjadA && !abjadB ? Kind.Compound : Kind.None));
        }

        var stripped = new Spelling(NameKeys.Phonetic(strippedA), NameKeys.Phonetic(strippedB), abjadA, abjadB);
        if (stripped.IsVariant)
        {
            return new PartMatch(ArticleSkeletonMatch, Kind.Variant | Kind.Compound);
        }

        var fuzzy = Math.Max(joined.Fuzzy, stripped.Fuzzy);
        return new PartMatch(fuzzy, fuzzy >= ReportedFuzzy ? Kind.Variant : Kind.None);
    }

    private static bool WrittenWithoutShortVowels(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F');

    private static string Normalized(string text, bool lettersOnly)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        return lettersOnly
            ? string.Concat(normalized.Where(char.IsLetter))
            : string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static (int Points, string? Reason) CompareDates(PartialDate? query, PartialDate? candidate)
    {
        if (query is not { } a || candidate is not { } b)
        {
            return (0, null);
        }

        if (a.Year != b.Year)
        {
            return (YearDiffers, MatchReasons.BirthDateDiffers);
        }

        if (a == b && a.IsComplete)
        {
            return (SameDate, MatchReasons.BirthDateExact);
        }

        // A 01.01. placeholder only says the year, which is equal here.
        if ((a.IsDocumentPlaceholder || b.IsDocumentPlaceholder) && a != b)
        {
            return (DateAgrees, MatchReasons.BirthDatePlaceholder);
        }

        if (a.IsComplete && b.IsComplete)
        {
            return (DayDiffers, MatchReasons.BirthDateDiffers);
        }

        return a.Month is { } month && b.Month is { } other && month != other
            ? (MonthDiffers, MatchReasons.BirthDateDiffers)
            : (DateAgrees, MatchReasons.BirthDatePartial);
    }

    private static IEnumerable<string> ReasonsFor(PartMatch? part, string exact, string variant, string compound)
    {
        var kind = part?.Kind ?? Kind.None;
        return new[] { (Kind.Exact, exact), (Kind.Variant, variant), (Kind.Compound, compound) }
            .Where(r => kind.HasFlag(r.Item1))
            .Select(r => r.Item2);
    }

    private readonly record struct PartMatch(double Similarity, Kind Kind);

    /// <summary>Two phonetic forms of one name part, and whether each was written in Arabic script.</summary>
    private readonly record struct Spelling(string A, string B, bool AbjadA, bool AbjadB)
    {
        private double Similarity => JaroWinkler.Similarity(A, B);

        private bool SameEnding => A.Length > 0 && B.Length > 0 && NameKeys.IsVowel(A[^1]) == NameKeys.IsVowel(B[^1]);

        // The same consonants are a transliteration variant only if the vowels do not contradict that.
        // Arabic script writes only long vowels, and those must appear in the other spelling (حسين is Hussein,
        // not Hasan). Otherwise the vowels must roughly agree (not Hasan/Hussein) and so must the ending:
        // Olga/Oleg, Amir/Amira and Ivanov/Ivanova are different people.
        public bool IsVariant
        {
            get
            {
                // Arabic names can have one consonant (علي, Ali), which the written vowels then confirm.
                var skeleton = NameKeys.Skeleton(A);
                if (skeleton.Length < (AbjadA || AbjadB ? 1 : 2) || skeleton != NameKeys.Skeleton(B))
                {
                    return false;
                }

                return AbjadA || AbjadB
                    ? (AbjadA && WrittenVowelsIn(A, B)) || (AbjadB && WrittenVowelsIn(B, A))
                    : SameEnding && Similarity >= SimilarFloor;
            }
        }

        // Jaro-Winkler from the floor up. It says nothing across Arabic script, whose vowels are missing, and
        // a differing ending is another name, not a misspelling.
        public double Fuzzy => !AbjadA && !AbjadB && SameEnding ? Math.Max(0, (Similarity - SimilarFloor) / (1 - SimilarFloor)) * FuzzyCeiling : 0;

        private static bool WrittenVowelsIn(string abjad, string other)
        {
            var position = 0;
            foreach (var c in abjad)
            {
                while (position < other.Length && !Sounds(c, other[position]))
                {
                    position++;
                }

                if (position++ == other.Length)
                {
                    return false;
                }
            }

            return true;
        }

        // The long vowels of Arabic script in Latin spellings: ى/ة as a or e, و as u or o, ي as i, e or y.
        private static bool Sounds(char written, char other) =>
            written == other || (written, other) is ('a', 'e') or ('u', 'o') or ('i' or 'y', 'e' or 'i' or 'y');
    }

    private readonly record struct NameMatch(double Similarity, PartMatch? Family, PartMatch? Given, bool Swapped, bool OtherSpelling);
}
