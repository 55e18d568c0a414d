using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

public sealed class SurrogateTests
{
    private static Deidentifier New(string secret = "s1", DeidMode mode = DeidMode.Surrogate) => new(new DeidOptions { Secret = secret, Mode = mode });

    [Fact]
    public void The_same_name_of_the_same_patient_always_gets_the_same_surrogate()
    {
        var a = New().Deidentify("患者张三因发热入院。", "p1").Text;
        var b = New().Deidentify("姓名：张三\n复诊", "p1").Text;
        var surrogate = a.Substring(2, a.IndexOf('因') - 2);
        Assert.NotEqual("张三", surrogate);
        Assert.Equal(2, surrogate.Length);
        Assert.Contains("姓名：" + surrogate, b);
        Assert.DoesNotContain("张三", a + b);
    }

    [Fact]
    public void Surrogates_depend_on_patient_and_secret()
    {
        const string text = "Patient John Smith and his wife Mary Jones. MRN: 12345678.";
        var results = new[] { New().Deidentify(text, "p1").Text, New().Deidentify(text, "p2").Text, New("other").Deidentify(text, "p1").Text };
        Assert.Equal(3, results.Distinct().Count());
        Assert.Equal(results[0], New().Deidentify(text, "p1").Text);
    }

    [Fact]
    public void English_name_parts_map_consistently()
    {
        var r = New().Deidentify("Patient John Smith was seen. Mr. Smith agreed.", "p1");
        var m = Regex.Match(r.Text, @"^Patient (\S+) (\S+) was seen\. Mr\. (\S+) agreed\.$");
        Assert.True(m.Success, r.Text);
        Assert.Equal(m.Groups[2].Value, m.Groups[3].Value);
        Assert.NotEqual("Smith", m.Groups[2].Value);
    }

    [Fact]
    public void Dates_shift_by_one_per_patient_offset_and_keep_their_format()
    {
        var deid = New();
        var shift = deid.DateShiftDays("p1");
        Assert.InRange(Math.Abs(shift), 30, 365);
        var r = deid.Deidentify("于2023年3月5日入院，2023-03-10手术，2023/3/12出院，3月20日复查。", "p1").Text;
        var m = Regex.Match(r, @"^于(\d{4})年(\d{1,2})月(\d{1,2})日入院，(\d{4})-(\d{2})-(\d{2})手术，(\d{4})/(\d{1,2})/(\d{1,2})出院，(\d{1,2})月(\d{1,2})日复查。$");
        Assert.True(m.Success, r);
        DateOnly D(int g) => new(int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[g + 1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[g + 2].Value, CultureInfo.InvariantCulture));
        var admit = D(1);
        Assert.Equal(new DateOnly(2023, 3, 5).AddDays(shift), admit);
        Assert.Equal(5, D(4).DayNumber - admit.DayNumber);
        Assert.Equal(7, D(7).DayNumber - admit.DayNumber);
    }

    [Theory]
    [InlineData("seen March 5, 2023.", @"^seen (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\.$")]
    [InlineData("seen 5 Mar 2023.", @"^seen \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\.$")]
    [InlineData("seen 05/03/2023.", @"^seen \d{2}/\d{2}/\d{4}\.$")]
    [InlineData("seen 2023.03.05.", @"^seen \d{4}\.\d{2}\.\d{2}\.$")]
    public void English_and_numeric_date_formats_survive(string text, string pattern) =>
        Assert.Matches(pattern, New().Deidentify(text, "p9").Text);

    [Fact]
    public void Identifiers_keep_their_shape_and_validity()
    {
        var id = NationalId.Build("330106", new DateOnly(1980, 6, 1), 123);
        var r = New().Deidentify($"身份证号{id}，手机13812345678，邮箱a@b.com，住院号：ZY2023001。", "p1").Text;
        var m = Regex.Match(r, @"^身份证号(\d{17}[\dX])，手机(1[3-9]\d{9})，邮箱(\S+@\S+\.\w+)，住院号：(ZY\d{7})。$");
        Assert.True(m.Success, r);
        var newId = m.Groups[1].Value;
        Assert.NotEqual(id, newId);
        Assert.True(NationalId.IsValid(newId), newId);
        // The birth date inside the ID moves with the patient's date shift.
        Assert.True(NationalId.TryBirthDate(newId, out var birth));
        Assert.Equal(new DateOnly(1980, 6, 1).AddDays(New().DateShiftDays("p1")), birth);
        Assert.NotEqual("13812345678", m.Groups[2].Value);
    }

    [Fact]
    public void Ages_over_89_become_an_open_bracket_and_younger_ages_stay()
    {
        Assert.Equal("患者女，90岁以上，既往65岁时手术。", New().Deidentify("患者女，92岁，既往65岁时手术。", "p1").Text);
        Assert.Equal("A 90+ years old man, father died aged 70.", New().Deidentify("A 95 years old man, father died aged 70.", "p1").Text);
    }

    [Fact]
    public void Mask_mode_writes_category_tags()
    {
        var r = New(mode: DeidMode.Mask).Deidentify("患者张三，手机13812345678，2023年3月5日入院，身份证号11010519491231002X。", "p1");
        Assert.Equal("患者[NAME]，手机[PHONE]，[DATE]入院，身份证号[ID]。", r.Text);
        Assert.Equal(4, r.Found.Count);
    }

    [Fact]
    public void Deidentify_is_thread_safe_and_deterministic()
    {
        var deid = New();
        var notes = new PhiNoteSynthesizer(3).Generate(200, "mixed").ToList();
        var serial = notes.Select(n => deid.Deidentify(n.Text, n.PatientId).Text).ToList();
        var parallel = new string[notes.Count];
        Parallel.For(0, notes.Count, i => parallel[i] = deid.Deidentify(notes[i].Text, notes[i].PatientId).Text);
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Replacements_map_original_offsets_to_output_offsets()
    {
        const string text = "患者张三于2023年3月5日入院，诊断肺炎。";
        var r = New().Deidentify(text, "p1");
        var start = text.IndexOf("肺炎", StringComparison.Ordinal);
        var newStart = r.MapOffset(start);
        Assert.Equal("肺炎", r.Text.Substring(newStart, r.MapOffset(start + 2, isEnd: true) - newStart));
    }
}
