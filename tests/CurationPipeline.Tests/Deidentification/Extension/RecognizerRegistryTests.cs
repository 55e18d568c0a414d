using System.Reflection;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification.Extension;

public sealed class RecognizerRegistryTests
{
    private static readonly DeidOptions Mask = new() { Mode = DeidMode.Mask };

    [Fact]
    public void A_recognizer_added_at_the_registration_point_is_run_by_the_deidentifier()
    {
        const string text = "Badge STAFF-48213 logged the dose.";
        Assert.Equal(text, new Deidentifier(Mask).Deidentify(text, "p1").Text);

        var withToy = new Deidentifier(Mask, null, PhiRecognizers.Default.Add(new ToyRecognizer(), PhiPriority.RecordNumber));
        Assert.Equal("Badge [RECORD] logged the dose.", withToy.Deidentify(text, "p1").Text);
    }

    [Fact]
    public void The_named_priority_decides_an_overlap_with_the_built_in_recognizers()
    {
        // The badge number is also a Chinese mobile number, which the built-in phone recogniser takes.
        const string text = "Badge STAFF-13812345678 on file.";
        var above = new Deidentifier(Mask, null, PhiRecognizers.Default.Add(new ToyRecognizer(), PhiPriority.Email));
        var below = new Deidentifier(Mask, null, PhiRecognizers.Default.Add(new ToyRecognizer(), PhiPriority.NameRepeat));
        Assert.Equal("Badge [RECORD] on file.", above.Deidentify(text, "p1").Text);
        Assert.Equal("Badge STAFF-[PHONE] on file.", below.Deidentify(text, "p1").Text);
    }

    [Fact]
    public void Every_built_in_recognizer_is_registered_once_with_a_named_priority()
    {
        var named = typeof(PhiPriority).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToHashSet();
        var entries = PhiRecognizers.Default.Entries;
        Assert.True(entries.Count >= 20, $"only {entries.Count} recognisers registered");
        Assert.All(entries, e => Assert.Contains(e.Priority, named));
        Assert.Equal(entries.Count, entries.Select(e => e.Recognizer).Distinct().Count());
    }

    [Fact]
    public void Adding_a_recognizer_leaves_the_default_registry_unchanged()
    {
        var before = PhiRecognizers.Default.Entries.Count;
        var extended = PhiRecognizers.Default.Add(new ToyRecognizer(), PhiPriority.RecordNumber);
        Assert.Equal(before + 1, extended.Entries.Count);
        Assert.Equal(before, PhiRecognizers.Default.Entries.Count);
    }
}
