using Lotse.Features.Clients.Matching;
using static Lotse.Features.Clients.Matching.DuplicateScorer;
using R = Lotse.Features.Clients.Matching.MatchReasons;

namespace Lotse.Tests.Clients;

public sealed class DuplicateMatcherTests
{
    // --- Positive: the same person in another script or spelling ---

    [Theory]
    [InlineData("محمد", "الحسن", R.GivenNameVariant, R.FamilyNameVariant)]
    [InlineData("Muhammad", "Alhasan", R.GivenNameVariant, R.FamilyNameCompound)]
    [InlineData("Mohamad", "al-Hassan", R.GivenNameVariant, R.FamilyNameVariant)]
    [InlineData("Mohammed", "Al-Hasan", R.GivenNameExact, R.FamilyNameCompound)]
    [InlineData("Mohammed", "Hasan", R.GivenNameExact, R.FamilyNameCompound)]
    public void Arabic_name_matches_across_script_transliteration_and_article(string given, string family, string givenReason, string familyReason)
    {
        var result = Match("Mohammed", "Al Hasan", "1990-05-12", given, family, "1990-05-12");

        AssertShown(result, givenReason, familyReason, R.BirthDateExact);
    }

    [Fact]
    public void Arabic_script_query_matches_latin_record_without_a_birth_date()
    {
        var result = Match("محمد", "الحسن", null, "Muhammad", "al-Hassan", null);

        AssertShown(result, R.GivenNameVariant, R.FamilyNameVariant);
    }

    [Theory]
    [InlineData("Олександр", "Іванов", R.GivenNameVariant, R.FamilyNameVariant)]
    [InlineData("Alexander", "Iwanow", R.GivenNameVariant, R.FamilyNameVariant)]
    [InlineData("Oleksandr", "Ivanov", R.GivenNameExact, R.FamilyNameExact)]
    public void Cyrillic_name_matches_latin_transliterations(string given, string family, string givenReason, string familyReason)
    {
        var result = Match("Oleksandr", "Ivanov", "1984-11-02", given, family, "1984-11-02");

        AssertShown(result, givenReason, familyReason, R.BirthDateExact);
    }

    [Theory]
    [InlineData("Yusuf", "يوسف")]
    [InlineData("Youssef", "يوسف")]
    [InlineData("Fatima", "فاطمة")]
    [InlineData("Hussein", "حسين")]
    [InlineData("Ali", "علي")]
    [InlineData("Khaled", "خالد")]
    [InlineData("Abdullah", "عبد الله")]
    public void Arabic_given_name_matches_its_latin_spelling(string latin, string arabic)
    {
        var result = Match(latin, "Demir", "2003-08-30", arabic, "Demir", "2003-08-30");

        AssertShown(result, R.FamilyNameExact, R.GivenNameVariant, R.BirthDateExact);
    }

    [Fact]
    public void Article_spelled_with_sun_letter_matches_glued_el()
    {
        var result = Match("Ahmad", "As-Sayed", "1969", "Ahmed", "El Sayed", "1969-01-01");

        AssertShown(result, R.GivenNameVariant, R.FamilyNameCompound, R.BirthDatePlaceholder);
    }

    [Fact]
    public void Russian_cyrillic_matches_german_transliteration()
    {
        var result = Match("Sergei", "Sacharow", "1979", "Сергей", "Захаров", "1979-04-30");

        AssertShown(result, R.GivenNameVariant, R.FamilyNameVariant, R.BirthDatePartial);
    }

    [Fact]
    public void Romanian_c_and_k_spelling_is_a_variant()
    {
        var result = Match("Ana", "Popescu", "1985-02-17", "Ana", "Popesku", "1985-02-17");

        AssertShown(result, R.GivenNameExact, R.FamilyNameVariant, R.BirthDateExact);
    }

    [Theory]
    [InlineData("Stefan", "Turcanu")]
    [InlineData("Ştefan", "Ţurcanu")]
    public void Romanian_comma_cedilla_and_missing_diacritics_match(string given, string family)
    {
        var result = Match("Ștefan", "Țurcanu", "1971-09-09", given, family, "1971-09-09");

        AssertShown(result, R.GivenNameVariant, R.FamilyNameVariant, R.BirthDateExact);
    }

    [Theory]
    [InlineData("Ayşe", "Yılmaz", "Ayse", "Yilmaz")]
    [InlineData("Emre", "Doğan", "Emre", "Dogan")]
    [InlineData("Jürgen", "Müller", "Juergen", "Mueller")]
    [InlineData("Jürgen", "Müller", "Jurgen", "Muller")]
    [InlineData("Jürgen", "Weiß", "Jürgen", "Weiss")]
    public void Diacritics_and_their_absence_match(string given, string family, string otherGiven, string otherFamily)
    {
        var result = Match(given, family, "1993-06-01", otherGiven, otherFamily, "1993-06-01");

        Assert.True(result.Score >= Threshold, $"score {result.Score}");
        Assert.Contains(R.FamilyNameVariant, result.Reasons);
        Assert.Contains(R.BirthDateExact, result.Reasons);
    }

    [Fact]
    public void Split_and_joined_compound_given_name_match()
    {
        var result = Match("Abdul Rahman", "Khalil", "2001-03-15", "Abdulrahman", "Khalil", "2001-03-15");

        AssertShown(result, R.GivenNameCompound, R.FamilyNameExact, R.BirthDateExact);
    }

    [Fact]
    public void Compound_given_name_matches_arabic_script()
    {
        var result = Match("Abdul Rahman", "Khalil", "2001-03-15", "عبد الرحمن", "خليل", "2001-03-15");

        AssertShown(result, R.GivenNameVariant, R.FamilyNameVariant, R.BirthDateExact);
    }

    [Fact]
    public void Swapped_given_and_family_name_match()
    {
        var result = Match("Hasan", "Mohammed", "1990-05-12", "Mohammed", "Hasan", "1990-05-12");

        AssertShown(result, R.FamilyNameExact, R.GivenNameExact, R.NamesSwapped, R.BirthDateExact);
    }

    [Fact]
    public void Swapped_names_in_another_script_match()
    {
        var result = Match("Іванов", "Олександр", null, "Oleksandr", "Ivanov", null);

        AssertShown(result, R.FamilyNameVariant, R.GivenNameVariant, R.NamesSwapped);
    }

    [Fact]
    public void Match_on_an_other_spelling_is_reported()
    {
        var spellings = new[] { new NameSpelling("Mohammed", "Al Hasan"), new NameSpelling("Mokhammed", "Alkhasan") };

        var result = Score(new NameSpelling("Mokhammed", "Alkhasan"), null, spellings, null);

        AssertShown(result, R.FamilyNameExact, R.GivenNameExact, R.OtherSpelling);
    }

    [Fact]
    public void Family_name_alone_matches_with_missing_given_name()
    {
        var result = Match(null, "Popesku", null, "Ana", "Popescu", null);

        AssertShown(result, R.FamilyNameVariant);
    }

    // --- Birth dates ---

    [Fact]
    public void Year_only_matches_full_date_as_partial()
    {
        var result = Match("Ana", "Popescu", "1985", "Ana", "Popescu", "1985-02-17");

        AssertShown(result, R.FamilyNameExact, R.GivenNameExact, R.BirthDatePartial);
    }

    [Fact]
    public void Year_and_month_match_full_date_as_partial()
    {
        var result = Match("Ayşe", "Yılmaz", "1990-07", "Ayse", "Yilmaz", "1990-07-23");

        AssertShown(result, R.BirthDatePartial);
    }

    [Fact]
    public void Document_placeholder_matches_real_date_of_same_year()
    {
        var result = Match("Mohammed", "Al Hasan", "1990-01-01", "Mohammed", "Al Hasan", "1990-07-23");

        AssertShown(result, R.FamilyNameExact, R.GivenNameExact, R.BirthDatePlaceholder);
    }

    [Fact]
    public void Full_dates_beat_partial_dates_and_partial_beats_unknown()
    {
        var exact = Match("Ana", "Popescu", "1985-02-17", "Ana", "Popescu", "1985-02-17").Score;
        var partial = Match("Ana", "Popescu", "1985", "Ana", "Popescu", "1985-02-17").Score;
        var unknown = Match("Ana", "Popescu", null, "Ana", "Popescu", "1985-02-17").Score;

        Assert.True(exact > partial && partial > unknown, $"{exact} {partial} {unknown}");
    }

    [Fact]
    public void Different_full_dates_in_the_same_year_lower_the_score()
    {
        var same = Match("Ana", "Popescu", "1985-02-17", "Ana", "Popescu", "1985-02-17");
        var other = Match("Ana", "Popescu", "1985-02-17", "Ana", "Popescu", "1985-10-03");

        Assert.True(same.Score - other.Score >= 30, $"{same.Score} {other.Score}");
        Assert.Contains(R.BirthDateDiffers, other.Reasons);
    }

    [Fact]
    public void Score_is_deterministic_and_within_range()
    {
        var first = Match("Mohammed", "Al Hasan", "1990-05-12", "محمد", "الحسن", "1990-05-12");
        var second = Match("Mohammed", "Al Hasan", "1990-05-12", "محمد", "الحسن", "1990-05-12");

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.InRange(first.Score, 0, 100);
    }

    // --- Negative: different people with similar names stay below the threshold ---

    [Theory]
    [InlineData("Mohammed", "Al Hasan", "1990", "Mohammed", "Hussein", "1990")]
    [InlineData("Ali", "Hasan", "1990-05-12", "Ali", "Hussein", "1990-05-12")]
    [InlineData("Ana", "Popescu", "1985", "Ana", "Popa", "1985")]
    [InlineData("Ivan", "Petrov", "1980-03-04", "Ivan", "Ivanov", "1980-03-04")]
    [InlineData("Maria", "Schmidt", null, "Marco", "Schmitz", null)]
    [InlineData("Maria", "Schmidt", "1975", "Marco", "Schmitz", "1975")]
    [InlineData("Olga", "Ivanova", null, "Oleg", "Ivanov", null)]
    [InlineData("Oleksandra", "Ivanova", null, "Oleksandr", "Ivanov", null)]
    [InlineData("Amira", "Khalil", null, "Amir", "Khalil", null)]
    [InlineData("Amir", "Khalil", "2001", "Omar", "Khalil", "2001")]
    [InlineData("Ana", "Popescu", "1985", "Ana", "Popovici", "1985")]
    [InlineData("Mohammed", "Hassan", "1990", "Mohammed", "Hussein", "1990")]
    [InlineData("Hasan", "Demir", "2003", "حسين", "Demir", "2003")]
    [InlineData("Karim", "Demir", "2003", "كريمة", "Demir", "2003")]
    [InlineData("Jan", "Novak", null, "Jana", "Novak", null)]
    public void Different_people_with_similar_names_stay_below_threshold(
        string given, string family, string? date, string otherGiven, string otherFamily, string? otherDate)
    {
        var result = Match(given, family, date, otherGiven, otherFamily, otherDate);

        Assert.True(result.Score < Threshold, $"score {result.Score}: {string.Join(", ", result.Reasons)}");
    }

    [Fact]
    public void Same_name_with_birth_years_far_apart_stays_below_threshold()
    {
        var result = Match("Mohammed", "Al Hasan", "1962-04-10", "Mohammed", "Al Hasan", "1998-04-10");

        Assert.True(result.Score < Threshold, $"score {result.Score}");
        Assert.Contains(R.BirthDateDiffers, result.Reasons);
    }

    [Fact]
    public void Same_transliterated_name_with_other_birth_year_stays_below_threshold()
    {
        var result = Match("Oleksandr", "Ivanov", "1962", "Олександр", "Іванов", "1998-01-01");

        Assert.True(result.Score < Threshold, $"score {result.Score}");
    }

    [Fact]
    public void No_candidate_spellings_scores_zero()
    {
        Assert.Equal(0, Score(new NameSpelling("Ana", "Popescu"), null, [], null).Score);
    }

    // --- PartialDate ---

    [Theory]
    [InlineData("1987", 1987, null, null, "1987")]
    [InlineData("1987-03", 1987, 3, null, "03.1987")]
    [InlineData("1987-03-14", 1987, 3, 14, "14.03.1987")]
    [InlineData(" 2000-02-29 ", 2000, 2, 29, "29.02.2000")]
    public void PartialDate_parses_and_formats(string text, int year, int? month, int? day, string german)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(text.Trim(), date.ToString());
        Assert.Equal(german, date.ToGermanString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("1990-13")]
    [InlineData("1990-00")]
    [InlineData("1990-02-30")]
    [InlineData("1900-02-29")]
    [InlineData("1990-1-5")]
    [InlineData("1899")]
    [InlineData("2101")]
    [InlineData("12.03.90")]
    [InlineData("31.04.1990")]
    [InlineData("13.1990")]
    [InlineData("1.2.3.1990")]
    [InlineData("1990-05-12-01")]
    [InlineData("14-03")]
    [InlineData("14/03/1988/1")]
    [InlineData("abcd")]
    [InlineData("１９９０")]
    public void PartialDate_rejects_invalid_input(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("14.03.1988", 1988, 3, 14)]
    [InlineData("4.3.1988", 1988, 3, 4)]
    [InlineData("03.1988", 1988, 3, null)]
    [InlineData("14.03.88", 1988, 3, 14)]
    [InlineData("14.03.21", 2021, 3, 14)]
    [InlineData("14.03.26", 1926, 3, 14)]
    [InlineData("14/03/1988", 1988, 3, 14)]
    [InlineData("14. 03. 1988", 1988, 3, 14)]
    [InlineData("14-03-1988", 1988, 3, 14)]
    [InlineData("03/1988", 1988, 3, null)]
    public void PartialDate_reads_German_dates_the_way_they_are_typed(string text, int year, int? month, int? day)
    {
        // Today is 01.03.2026: a two-digit year is the latest that is not in the future.
        Assert.True(PartialDate.TryParse(text, out var date, new DateOnly(2026, 3, 1)));
        Assert.Equal(new PartialDate(year, month, day), date);
    }

    [Fact]
    public void PartialDate_knows_completeness_and_placeholder()
    {
        Assert.True(Parse("1990-01-01").IsDocumentPlaceholder);
        Assert.False(Parse("1990-01").IsDocumentPlaceholder);
        Assert.False(Parse("1990-07-23").IsDocumentPlaceholder);
        Assert.Equal(new DateOnly(1990, 7, 23), Parse("1990-07-23").ToDateOnly());
        Assert.Null(Parse("1990-07").ToDateOnly());
        Assert.False(Parse("1990").IsComplete);
    }

    // --- NameKeys ---

    [Fact]
    public void Ascii_transliterates_lowercases_and_separates_with_single_spaces()
    {
        Assert.Equal("juergen mueller", NameKeys.Ascii("  Jürgen   MÜLLER "));
        Assert.Equal("stefan turcanu", NameKeys.Ascii("Ştefan Țurcanu"));
        Assert.Equal("ayse yilmaz", NameKeys.Ascii("Ayşe Yılmaz"));
        Assert.Equal("al hassan", NameKeys.Ascii("al-Hassan"));
        Assert.Equal("ivanov", NameKeys.Ascii("Іванов"));
        Assert.Equal("weiss", NameKeys.Ascii("Weiß"));
        Assert.Equal("obrien", NameKeys.Ascii("O'Brien"));
        Assert.Equal(string.Empty, NameKeys.Ascii(null));
    }

    [Theory]
    [InlineData("Mohammed", "mhmd")]
    [InlineData("Muhammad", "mhmd")]
    [InlineData("Mohamad", "mhmd")]
    [InlineData("محمد", "mhmd")]
    [InlineData("Ivanov", "vnv")]
    [InlineData("Iwanow", "vnv")]
    [InlineData("Иванов", "vnv")]
    [InlineData("Popescu", "ppsk")]
    [InlineData("Popesku", "ppsk")]
    [InlineData("Zakharov", "skrv")]
    [InlineData("Sacharow", "skrv")]
    [InlineData("Shevchenko", "svknk")]
    [InlineData("Schewtschenko", "svknk")]
    [InlineData("Yusuf", "sf")]
    [InlineData("يوسف", "sf")]
    public void Skeleton_is_shared_by_transliteration_variants(string name, string skeleton)
    {
        Assert.Equal(skeleton, NameKeys.Skeleton(NameKeys.Ascii(name)));
    }

    [Fact]
    public void Swapped_names_share_all_keys()
    {
        var keys = NameKeys.LookupKeys("Mohammed", "Al Hasan");
        var swapped = NameKeys.LookupKeys("Al Hasan", "Mohammed");

        Assert.Equal(keys.Order(StringComparer.Ordinal), swapped.Order(StringComparer.Ordinal));
        Assert.Contains("mhmd", swapped);
        Assert.Contains("lhsn", swapped);
    }

    [Theory]
    [InlineData(null, "Abdulrahman", null, "Abdul Rahman")]
    [InlineData("Abdul Rahman", "Khalil", "عبد الرحمن", "خليل")]
    [InlineData("Mohammed", "Hasan", "محمد", "الحسن")]
    [InlineData("Muhammad", "Al Hasan", "Mohamad", "al-Hassan")]
    [InlineData("Oleksandr", "Ivanov", "Alexander", "Iwanow")]
    [InlineData("Ana", "Popescu", "Ana", "Popesku")]
    [InlineData("Ştefan", "Ţurcanu", "Stefan", "Turcanu")]
    [InlineData("Ali", "Ali", "Ali", "Ali")]
    public void Variants_share_a_lookup_key(string? given, string family, string? otherGiven, string otherFamily)
    {
        var keys = NameKeys.LookupKeys(given, family);
        var other = NameKeys.LookupKeys(otherGiven, otherFamily);

        Assert.NotEmpty(keys.Intersect(other));
    }

    [Fact]
    public void Arabic_and_latin_given_name_share_a_key()
    {
        Assert.Contains("mhmd", NameKeys.LookupKeys("محمد", null));
        Assert.Contains("mhmd", NameKeys.LookupKeys("Mohammed", null));
    }

    [Theory]
    [InlineData("Abdul Rahman Mohammed Ali", "Al-Hassan Abu Bakr el Sayed Ibn Khaldun")]
    [InlineData("Aya", "Yu")]
    [InlineData("Eva", "Ö")]
    [InlineData(null, "")]
    public void Keys_are_few_and_neither_too_short_nor_too_long(string? given, string family)
    {
        var keys = NameKeys.LookupKeys(given, family);

        Assert.InRange(keys.Count, 0, 10);
        Assert.All(keys, k => Assert.InRange(k.Length, 2, 64));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Article_is_stripped_for_a_key()
    {
        Assert.Contains("hsn", NameKeys.LookupKeys(null, "al-Hassan"));
        Assert.Contains("hsn", NameKeys.LookupKeys(null, "الحسن"));
    }

    [Fact]
    public void Search_prefixes_are_lowercase_ascii_tokens()
    {
        Assert.Equal(["popes", "ana"], NameKeys.SearchPrefixes("Popeş Ana 1985"));
        Assert.Empty(NameKeys.SearchPrefixes("  "));
    }

    private static MatchResult Match(string? given, string family, string? date, string? otherGiven, string otherFamily, string? otherDate) =>
        Score(new NameSpelling(given, family), ParseOrNull(date), [new NameSpelling(otherGiven, otherFamily)], ParseOrNull(otherDate));

    private static PartialDate? ParseOrNull(string? text) => text is null ? null : Parse(text);

    private static PartialDate Parse(string text) => PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    private static void AssertShown(MatchResult result, params string[] reasons)
    {
        Assert.True(result.Score >= Threshold, $"score {result.Score}: {string.Join(", ", result.Reasons)}");
        foreach (var reason in reasons)
        {
            Assert.Contains(reason, result.Reasons);
        }
    }
}
