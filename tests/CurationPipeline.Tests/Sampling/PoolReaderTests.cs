using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Splits;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Sampling;

public class PoolReaderTests
{
    private static readonly string[][] DepartmentLists = [[], ["心血管内科"], ["心血管内科", "急诊科"], ["急诊科", "心血管内科"], ["呼吸内科", "急诊科", "儿科"]];

    [Fact]
    public async Task Candidates_keep_their_fields_and_equal_department_lists_are_shared()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pool.parquet");
        var items = Enumerable.Range(0, 500).Select(i => CalibrationFixtures.Choice($"mc-{i}") with
        {
            Departments = DepartmentLists[i % DepartmentLists.Length],
            Difficulty = new DifficultyLabel(DifficultyState.Labelled, (Difficulty)(i % 3), 5 - (i % 3), null, 5, "consensus"),
            Attributes = new Dictionary<string, string> { ["source"] = i % 2 == 0 ? "guideline" : "report" },
        }).ToList();
        await ParquetSerializer.WriteAsync(path, items.Select(ItemRow.From), new ParquetWriteOptions { RowGroupSize = 64 });

        var candidates = await PoolReader.ReadAllCandidatesAsync([path]);

        Assert.Equal(items.Select(i => (i.Id, i.Difficulty.Level, string.Join("/", i.Departments), i.Attributes["source"])),
            candidates.Select(c => (c.Id, c.Difficulty, string.Join("/", c.Departments), c.Attributes["source"])));
        var distinctLists = candidates.Select(c => c.Departments).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.Equal(DepartmentLists.Length, distinctLists);
    }

    [Fact]
    public async Task An_unknown_difficulty_names_the_file_item_and_column()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pool.parquet");
        var rows = Enumerable.Range(0, 3).Select(i => ItemRow.From(CalibrationFixtures.Choice($"mc-{i}") with
        {
            Difficulty = new DifficultyLabel(DifficultyState.Labelled, Difficulty.Easy, 5, null, 5, "consensus"),
        })).ToList();
        rows[1].Difficulty = "Extreme";
        await ParquetSerializer.WriteAsync(path, rows);

        var error = await Assert.ThrowsAsync<FormatException>(() => PoolReader.ReadAllCandidatesAsync([path]));
        Assert.Equal($"{path}: item mc-1: column 'difficulty' holds 'Extreme', expected Hard, Medium or Easy", error.Message);
    }
}
