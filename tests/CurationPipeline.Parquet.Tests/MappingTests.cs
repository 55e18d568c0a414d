using CurationPipeline.Parquet.Mapping;
using CurationPipeline.Testing;

namespace CurationPipeline.Parquet.Tests;

public class MappingTests
{
    [Theory]
    [InlineData("PrimaryDimension", "primary_dimension")]
    [InlineData("Id", "id")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("Option2Text", "option2_text")]
    [InlineData("already_snake", "already_snake")]
    public void Property_names_become_snake_case(string property, string column) =>
        Assert.Equal(column, NameConverter.ToSnakeCase(property));

    [Fact]
    public async Task Columns_follow_the_nullable_annotations()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.parquet");
        await ParquetSerializer.WriteAsync(path, RowGenerator.Rows(new Random(1), 5));
        using var file = ParquetFile.Open(path);
        var columns = file.Columns.ToDictionary(c => c.Name);

        Assert.Equal(
            ["id", "note", "count", "maybe_count", "big", "maybe_big", "score", "maybe_score", "flag", "maybe_flag", "created_at", "reviewed_at", "difficulty", "maybe_level", "tags", "maybe_tags", "numbers", "longs", "doubles", "renamed", "terms"],
            file.Columns.Select(c => c.Name));
        Assert.False(columns["id"].IsOptional);
        Assert.True(columns["note"].IsOptional);
        Assert.False(columns["count"].IsOptional);
        Assert.True(columns["maybe_count"].IsOptional);
        Assert.Equal(("INT64", "TIMESTAMP(MICROS,UTC)"), (columns["created_at"].PhysicalType, columns["created_at"].LogicalType));
        Assert.Equal(("BYTE_ARRAY", "STRING"), (columns["difficulty"].PhysicalType, columns["difficulty"].LogicalType));
        Assert.True(columns["tags"].IsList);
        Assert.False(columns["tags"].IsOptional);
        Assert.True(columns["maybe_tags"].IsOptional);
        Assert.Equal("INT32", columns["numbers"].PhysicalType);
        Assert.Equal("SNAPPY", columns["id"].Compression);
    }

    [Fact]
    public async Task Untyped_reading_yields_lists_and_nulls()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.parquet");
        var rows = RowGenerator.Rows(new Random(8), 60);
        await ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { RowGroupSize = 25 });
        using var file = ParquetFile.Open(path);

        var tags = file.ReadColumn("maybe_tags").ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].MaybeTags is null)
            {
                Assert.Null(tags[i]);
            }
            else
            {
                Assert.Equal(rows[i].MaybeTags!, Assert.IsAssignableFrom<IReadOnlyList<object?>>(tags[i]).Cast<string>());
            }
        }

        Assert.Equal(rows.Select(r => (object?)r.MaybeCount), file.ReadColumn("maybe_count"));
        Assert.Equal(rows.Select(r => (object)r.CreatedAt), file.ReadColumn("created_at"));
        Assert.Equal(rows.Select(r => (object)r.Difficulty.ToString()), file.ReadColumn("difficulty"));
        Assert.Throws<ParquetException>(() => file.ReadColumn("nope"));
    }

    [Fact]
    public async Task Null_in_a_required_list_or_list_element_names_column_and_row()
    {
        using var dir = new TempDirectory();
        var rows = RowGenerator.Rows(new Random(2), 3);
        rows[2].Tags = null!;
        var error = await Assert.ThrowsAsync<ParquetException>(() => ParquetSerializer.WriteAsync(dir.File("a.parquet"), rows));
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);

        rows[2].Tags = ["x", null!];
        error = await Assert.ThrowsAsync<ParquetException>(() => ParquetSerializer.WriteAsync(dir.File("a.parquet"), rows));
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Unsupported_property_types_are_named()
    {
        using var dir = new TempDirectory();
        var error = await Assert.ThrowsAsync<ParquetException>(() => ParquetSerializer.WriteAsync(dir.File("a.parquet"), new[] { new UnsupportedRow() }));
        Assert.Contains("Lookup", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnsupportedRow), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_into_a_type_with_a_missing_column_names_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.parquet");
        await ParquetSerializer.WriteAsync(path, RowGenerator.Rows(new Random(2), 3));
        var error = await Assert.ThrowsAsync<ParquetException>(() => Files.ReadAllAsync<OtherRow>(path));
        Assert.Contains("'missing_column'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subset_of_columns_can_be_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.parquet");
        var rows = RowGenerator.Rows(new Random(2), 30);
        await ParquetSerializer.WriteAsync(path, rows);
        var subset = await Files.ReadAllAsync<SubsetRow>(path);
        Assert.Equal(rows.Select(r => (r.Id, (long)r.Count)), subset.Select(r => (r.Id, r.CountAsLong)));
    }

    public sealed class UnsupportedRow
    {
        public Dictionary<string, string> Lookup { get; set; } = [];
    }

    public sealed class OtherRow
    {
        public string Id { get; set; } = "";

        public string? MissingColumn { get; set; }
    }

    public sealed class SubsetRow
    {
        public string Id { get; set; } = "";

        // INT32 in the file, widened on reading.
        [ParquetColumn("count")]
        public long CountAsLong { get; set; }
    }
}
