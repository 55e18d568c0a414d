using System.Text.RegularExpressions;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>The address scan tries the pattern only at likely starts; it must find exactly what a full regex search finds.</summary>
public class StreetAddressScanTests
{
    private static readonly Regex Unanchored = new(EnglishLexicon.StreetAddressPattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    [Theory]
    [InlineData("Lives at 42 Oak Street, Springfield, IL with his wife.")]
    [InlineData("Address: 1600 N. Pennsylvania Avenue Apt 4B, Washington, DC; phone 555-0100")]
    [InlineData("12b Baker St and 7-9 High Rd; BP 120/80 mmHg, 3 Tablets daily, 2024 Annual Review")]
    [InlineData("１２ Main Street (full-width digits) and 1234567 Long Road (seven digits)")]
    [InlineData("x12 Elm Street, _5 Pine Road, 5\u00a0Cedar Lane, 300 Park Avenue South Suite 12")]
    [InlineData("")]
    public void Finds_exactly_what_a_full_regex_search_finds(string text) =>
        Assert.Equal(Unanchored.Matches(text).Select(m => (m.Index, m.Index + m.Length)), EnglishLexicon.StreetAddresses(text));

    [Fact]
    public void Agrees_with_a_full_search_on_synthesised_notes()
    {
        var notes = new PhiNoteSynthesizer(77, PhiTemplateSet.HeldOut).Generate(300, "en").Select(n => n.Text).ToList();
        Assert.Contains(notes, n => Unanchored.IsMatch(n));
        foreach (var text in notes)
        {
            Assert.Equal(Unanchored.Matches(text).Select(m => (m.Index, m.Index + m.Length)), EnglishLexicon.StreetAddresses(text));
        }
    }

    [Fact]
    public void The_written_out_street_types_are_bogus_en_suffixes_and_the_abbreviations_longest_first()
    {
        var bogus = (Bogus.Bson.BArray)Bogus.Database.Get("address", "street_suffix", "en");
        var expected = Enumerable.Range(0, bogus.Count).Select(i => bogus[i].StringValue).Concat(EnglishLexicon.StreetAbbreviations).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), EnglishLexicon.StreetSuffixes.Order(StringComparer.Ordinal));
        Assert.Equal(EnglishLexicon.StreetSuffixes.Count, EnglishLexicon.StreetSuffixes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(EnglishLexicon.StreetSuffixes.OrderByDescending(s => s.Length), EnglishLexicon.StreetSuffixes);
    }
}
