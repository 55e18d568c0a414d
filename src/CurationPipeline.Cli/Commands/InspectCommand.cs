using System.CommandLine;
using System.Globalization;
using CurationPipeline.Parquet;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate inspect FILE.parquet`: schema, row count, metadata and the distributions users check first.</summary>
internal static class InspectCommand
{
    /// <summary>Columns whose value distribution is shown when the file has them.</summary>
    private static readonly string[] Distributions = ["dataset", "difficulty", "difficulty_state", "departments", "review_status", "engine_kind"];

    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A Parquet file (pool, split, results)." };
        var top = new Option<int>("--top") { Description = "Values shown per distribution.", DefaultValueFactory = _ => 20 };
        var command = new Command("inspect", "Show a Parquet file's schema, row count, metadata and the distributions of dataset, difficulty and department.")
        {
            file, top,
        };
        command.SetAction(parse =>
        {
            Inspect(console, parse.GetValue(file)!, parse.GetValue(top));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Inspect(IAnsiConsole console, FileInfo file, int top)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{file.FullName}: file not found");
        }

        using var parquet = ParquetFile.Open(file.FullName);
        console.MarkupLineInterpolated($"[bold]{file.Name}[/]: {parquet.RowCount} rows in {parquet.RowGroupCount} row group(s), written by {parquet.CreatedBy}");
        var schema = new Table().AddColumns("column", "physical", "logical", "optional", "list", "encodings", "compression");
        foreach (var c in parquet.Columns)
        {
            schema.AddRow(Markup.Escape(c.Name), c.PhysicalType, c.LogicalType ?? "", c.IsOptional ? "yes" : "", c.IsList ? "yes" : "", Markup.Escape(c.Encodings), c.Compression);
        }

        console.WriteTable("schema", schema);
        if (parquet.Metadata.Count > 0)
        {
            var meta = new Table().AddColumns("key", "value");
            foreach (var (k, v) in parquet.Metadata.Where(kv => !kv.Key.StartsWith("ARROW", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                meta.AddRow(Markup.Escape(k), Markup.Escape(v.Length > 80 ? v[..80] + "…" : v));
            }

            console.WriteTable("metadata", meta);
        }

        foreach (var name in Distributions.Where(n => parquet.Columns.Any(c => c.Name == n)))
        {
            var counts = Count(parquet.ReadColumn(name));
            var table = new Table().AddColumns("value", "rows", "share");
            var total = Math.Max(1, counts.Values.Sum());
            foreach (var (value, n) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top))
            {
                table.AddRow(Markup.Escape(value), n.ToString(CultureInfo.InvariantCulture), ((double)n / total).ToString("P1", CultureInfo.InvariantCulture));
            }

            console.WriteTable(name, table, counts.Count > top ? $"{counts.Count - top} more values" : null);
        }

        if (parquet.Columns.Any(c => c.Name == "difficulty_state"))
        {
            var pending = parquet.ReadColumn("difficulty_state").Count(v => v as string == "pending_human");
            console.MarkupLineInterpolated($"items waiting for a human score: [bold]{pending}[/]");
        }
    }

    /// <summary>Counts values; list cells count each element (departments), null is "(null)".</summary>
    private static Dictionary<string, int> Count(IEnumerable<object?> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (v is IReadOnlyList<object?> list)
            {
                if (list.Count == 0)
                {
                    Add("(none)");
                }

                foreach (var e in list)
                {
                    Add(e?.ToString() ?? "(null)");
                }
            }
            else
            {
                Add(v?.ToString() ?? "(null)");
            }
        }

        return counts;

        void Add(string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
