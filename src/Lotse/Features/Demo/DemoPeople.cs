using Lotse.Features.Clients;

namespace Lotse.Features.Demo;

/// <summary>
/// Name pools for the demo clients, by nationality, with the native spelling where the script
/// differs. The names are common ones; the combinations are invented.
/// </summary>
internal static class DemoPeople
{
    internal sealed record Name(string Latin, string? Native = null);

    internal sealed record Pool(string Country, string[] Languages, Name[] Female, Name[] Male, Name[] Family, bool FemaleFamilyForm = false);

    internal static readonly Pool[] Pools =
    [
        new("SY", ["ar"],
            [new("Fatima", "فاطمة"), new("Aisha", "عائشة"), new("Mariam", "مريم"), new("Noor", "نور"), new("Layla", "ليلى"), new("Huda", "هدى")],
            [new("Mohammed", "محمد"), new("Ahmad", "أحمد"), new("Khaled", "خالد"), new("Omar", "عمر"), new("Yusuf", "يوسف"), new("Hassan", "حسن"), new("Abdulrahman", "عبد الرحمن")],
            [new("Al Hasan", "الحسن"), new("Haddad", "حداد"), new("Khalil", "خليل"), new("Ibrahim", "إبراهيم"), new("Mansour", "منصور"), new("Saleh", "صالح"), new("Darwish", "درويش")]),
        new("IQ", ["ar", "ku"],
            [new("Zainab", "زينب"), new("Rania", "رانيا"), new("Samira", "سميرة")],
            [new("Ali", "علي"), new("Mahmoud", "محمود"), new("Karim", "كريم")],
            [new("Hussein", "حسين"), new("Abbas", "عباس"), new("Jaber", "جابر")]),
        new("UA", ["uk", "ru"],
            [new("Olena", "Олена"), new("Iryna", "Ірина"), new("Natalia", "Наталія"), new("Yulia", "Юлія"), new("Oksana", "Оксана")],
            [new("Oleksandr", "Олександр"), new("Andrii", "Андрій"), new("Dmytro", "Дмитро"), new("Serhii", "Сергій")],
            [new("Kovalenko", "Коваленко"), new("Shevchenko", "Шевченко"), new("Bondarenko", "Бондаренко"), new("Tkachenko", "Ткаченко"), new("Melnyk", "Мельник"), new("Kravchenko", "Кравченко")]),
        new("BG", ["bg", "tr"],
            [new("Maria", "Мария"), new("Elena", "Елена"), new("Petya", "Петя"), new("Desislava", "Десислава")],
            [new("Georgi", "Георги"), new("Ivan", "Иван"), new("Dimitar", "Димитър"), new("Nikolay", "Николай")],
            [new("Ivanov", "Иванов"), new("Petrov", "Петров"), new("Georgiev", "Георгиев"), new("Stoyanov", "Стоянов"), new("Dimitrov", "Димитров")],
            FemaleFamilyForm: true),
        new("RO", ["ro"],
            [new("Ana"), new("Ioana"), new("Elena"), new("Mihaela"), new("Andreea")],
            [new("Andrei"), new("Ștefan"), new("Mihai"), new("Gheorghe"), new("Ionuț")],
            [new("Popescu"), new("Ionescu"), new("Țurcanu"), new("Stănescu"), new("Munteanu"), new("Lupu"), new("Constantin")]),
        new("TR", ["tr", "ku"],
            [new("Ayşe"), new("Fatma"), new("Zeynep"), new("Elif"), new("Emine")],
            [new("Mehmet"), new("Emre"), new("Hüseyin"), new("Murat"), new("Mustafa")],
            [new("Yılmaz"), new("Kaya"), new("Demir"), new("Şahin"), new("Çelik"), new("Doğan"), new("Öztürk")]),
        new("PL", ["pl"],
            [new("Anna"), new("Katarzyna"), new("Agnieszka")],
            [new("Piotr"), new("Tomasz"), new("Krzysztof")],
            [new("Kowalski"), new("Nowak"), new("Wójcik"), new("Kamiński")]),
        new("AF", ["fa", "ps"],
            [new("Shabnam", "شبنم"), new("Mina", "مینا"), new("Parwana", "پروانه")],
            [new("Farid", "فرید"), new("Ahmad", "احمد"), new("Wahid", "وحید")],
            [new("Rahimi", "رحیمی"), new("Karimi", "کریمی"), new("Hakimi", "حکیمی"), new("Ahmadzai", "احمدزی")]),
        new("IT", ["it"], [new("Giulia"), new("Francesca")], [new("Luca"), new("Marco")], [new("Russo"), new("Esposito"), new("Romano")]),
        new("MA", ["ar", "fr"], [new("Khadija", "خديجة"), new("Salma", "سلمى")], [new("Youssef", "يوسف"), new("Hamza", "حمزة")], [new("El Amrani", "العمراني"), new("Benali", "بن علي")]),
        new("LB", ["ar", "fr"], [new("Rima", "ريما")], [new("Georges", "جورج")], [new("Haddad", "حداد"), new("Khoury", "خوري")]),
    ];

    /// <summary>The share of each pool among the demo households, after the press figures for Gelsenkirchen.</summary>
    internal static readonly int[] Weights = [22, 8, 14, 12, 14, 14, 5, 6, 2, 2, 1];

    /// <summary>Bulgarian family names take -a for women (Ivanov → Ivanova, Иванов → Иванова).</summary>
    internal static Name FamilyFor(Pool pool, Name family, Sex sex) =>
        pool.FemaleFamilyForm && sex == Sex.Female ? new Name(family.Latin + "a", family.Native is null ? null : family.Native + "а") : family;
}
