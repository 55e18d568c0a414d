using CurationPipeline.Departments;
using CurationPipeline.Reference;

namespace CurationPipeline.Tests.Departments;

public sealed class DepartmentRulesTests
{
    [Theory]
    [InlineData("Cardiology", "Cardiology")]
    [InlineData("心血管内科", "Cardiology")]
    [InlineData("心内科", "Cardiology")]
    [InlineData("cardiology department", "Cardiology")]
    [InlineData("Nursing Department", "Nursing Dept.")]
    [InlineData("Psychiatry", "Psychiatry Dept.")]
    [InlineData("耳鼻喉科", "Otolaryngology")]
    [InlineData("ENT", "Otolaryngology")]
    [InlineData("Womens Health", "Women's Health")]
    [InlineData("no department", "No Department")]
    [InlineData("无科室", "No Department")]
    public void Close_variants_map_to_the_list(string name, string expected) =>
        Assert.Equal(expected, DepartmentAliases.Resolve(name));

    [Fact]
    public void A_split_dominated_by_no_department_is_marked_non_clinical_not_single_specialty()
    {
        static (IReadOnlyList<string>, IReadOnlyList<string>) Item(string department, string group) => ([department], [group]);
        var safety = Items.DepartmentSpread.Of([.. Enumerable.Repeat(Item("No Department", "No Department"), 6), Item("Cardiology", "Internal Medicine"), Item("Dermatology", "Other Departments")]);
        Assert.True(safety.TopIsNonClinical);
        Assert.EndsWith("(non-clinical items)", safety.DescribeTop(), StringComparison.Ordinal);

        var none = Items.DepartmentSpread.Of([.. Enumerable.Repeat(Item("No Department", "No Department"), 3)]);
        Assert.False(none.SingleSpecialty);

        var eyes = Items.DepartmentSpread.Of([.. Enumerable.Repeat(Item("Ophthalmology", "Other Departments"), 3)]);
        Assert.True(eyes.SingleSpecialty);
        Assert.EndsWith("(single-specialty source)", eyes.DescribeTop(), StringComparison.Ordinal);

        var skewed = Items.DepartmentSpread.Of([.. Enumerable.Repeat(Item("Oncology", "Other Departments"), 3), Item("Cardiology", "Internal Medicine")]);
        Assert.EndsWith("(over 10 %)", skewed.DescribeTop(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("中医科")]
    [InlineData("Dept. of Magic")]
    [InlineData("")]
    [InlineData("Surgery")]
    public void Unknown_or_primary_only_names_are_not_mapped(string name) => Assert.Null(DepartmentAliases.Resolve(name));

    [Fact]
    public void The_rules_of_section_3_3_2()
    {
        Assert.Empty(DepartmentRules.Check(["Cardiology", "Neurology", "Nephrology"]));
        Assert.Empty(DepartmentRules.Check(["No Department"]));
        Assert.Contains(DepartmentRules.Check(["Cardiology", "Neurology", "Nephrology", "Hematology"]), p => p.Contains("at most 3", StringComparison.Ordinal));
        Assert.Contains(DepartmentRules.Check(["Cardio"]), p => p.Contains("not a department", StringComparison.Ordinal));
        Assert.Contains(DepartmentRules.Check(["No Department", "Cardiology"]), p => p.Contains("alone", StringComparison.Ordinal));
        Assert.NotEmpty(DepartmentRules.Check([]));
        Assert.NotEmpty(DepartmentRules.Check(["Cardiology", "Cardiology"]));
    }

    [Fact]
    public void Every_alias_and_the_mapping_table_point_into_the_list()
    {
        var map = ExternalDepartmentMap.Load(new ReferenceData(RepoPaths.Raw));
        Assert.Contains("Orthopedic Surgery", map.Gold("cmtmedqa", "外科/骨科")!);
        Assert.Contains("Neonatology", map.Gold("cmtmedqa", "儿科/小儿内科")!); // primary:Pediatrics
        Assert.Null(map.Gold("cmtmedqa", "中医科/中医内科"));
        Assert.Equal(["Oncology"], map.Gold("cmtmedqa", "肿瘤科/胃癌")!); // falls back to 肿瘤科/*
        Assert.Throws<KeyNotFoundException>(() => map.Gold("toyhom", "不存在科"));
    }
}
