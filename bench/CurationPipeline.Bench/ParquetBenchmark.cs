using System.Diagnostics;
using System.Globalization;
using System.Text;
using static System.FormattableString;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// Writes and reads the same rows with the project's Parquet codec and with DuckDB (through Node) and reports
/// the time ratios and the writer's peak memory. See docs/bench/parquet.md.
/// </summary>
internal sealed class ParquetBenchmark : IBenchmark
{
    public string Name => "parquet";

    public string Description => "Parquet codec vs DuckDB: write and read time ratios, writer peak memory [--rows N] [--repeat K]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = IntArg(args, "--rows", 1_000_000);
        var repeat = IntArg(args, "--repeat", 3);
        var folder = Path.Combine(Path.GetTempPath(), "curate-bench-parquet-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            return await RunCoreAsync(folder, rows, repeat, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunCoreAsync(string folder, int count, int repeat, CancellationToken cancellationToken)
    {
        var codecFile = Path.Combine(folder, "codec.parquet");
        var duckFile = Path.Combine(folder, "duckdb.parquet");
        Console.WriteLine($"rows: {count:N0}, repeats: {repeat} (best of), {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // 1. Writer memory: rows generated lazily and streamed, so the process holds only the writer's buffers.
        using (var self = Process.GetCurrentProcess())
        {
            var before = self.WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var sw = Stopwatch.StartNew();
            await ParquetSerializer.WriteAsync(codecFile, BenchRows.Generate(count), cancellationToken: cancellationToken);
            sw.Stop();
            self.Refresh();
            Console.WriteLine($"streaming write (generation included): {sw.Elapsed.TotalSeconds:F2} s, file {new FileInfo(codecFile).Length / 1048576.0:F1} MiB");
            Console.WriteLine($"writer peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MiB (working set before: {before / 1048576.0:F0} MiB; allocated while writing: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:F0} MiB)");
        }

        // 2. Codec write and read timings with the rows already in memory, as DuckDB's table is.
        var materialized = BenchRows.Generate(count).ToList();
        // Settle the heap first: generating the rows is not timed (DuckDB's load is not either), and without
        // this the first collections inside the timed writes would promote the freshly generated rows.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var codecWrite = await BestAsync(repeat, () => ParquetSerializer.WriteAsync(codecFile, materialized, cancellationToken: cancellationToken));
        Console.WriteLine(Invariant($"codec writes with rows in memory ({repeat}): allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MiB, {GC.CollectionCount(0) - collections} collections, GC pause {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s"));
        materialized = null;
        GC.Collect();
        var codecRead = await BestAsync(repeat, async () =>
        {
            var n = 0;
            await foreach (var row in ParquetSerializer.ReadAsync<BenchRow>(codecFile, cancellationToken))
            {
                n += row.Options.Count;
            }

            if (n != count * 5)
            {
                throw new InvalidOperationException($"read {n} options, expected {count * 5}");
            }
        });

        // 3. DuckDB: load the codec's file into a table (not timed), then time COPY TO and a full read.
        var duckWrite = new Timing(double.MaxValue, double.MaxValue);
        var duckReadOwn = duckWrite;
        var duckReadCodec = duckWrite;
        for (var i = 0; i < repeat; i++)
        {
            var result = await DuckDb.RunAsync(
                $"""
                CREATE TABLE src AS SELECT * FROM read_parquet({DuckDb.Literal(codecFile)});
                COPY src TO {DuckDb.Literal(duckFile)} (FORMAT parquet, COMPRESSION snappy);
                CREATE TABLE own AS SELECT * FROM read_parquet({DuckDb.Literal(duckFile)});
                CREATE TABLE codec AS SELECT * FROM read_parquet({DuckDb.Literal(codecFile)});
                SELECT (SELECT count(*) FROM own) AS own, (SELECT count(*) FROM codec) AS codec;
                """, cancellationToken);
            Timing Statement(int s) => new(result.Millis[s] / 1000, result.CpuMillis[s] / 1000);
            duckWrite = duckWrite.Min(Statement(1));
            duckReadOwn = duckReadOwn.Min(Statement(2));
            duckReadCodec = duckReadCodec.Min(Statement(3));
        }

        var codecReadDuck = await BestAsync(repeat, async () =>
        {
            await foreach (var row in ParquetSerializer.ReadAsync<BenchRow>(duckFile, cancellationToken))
            {
                _ = row;
            }
        });

        Console.WriteLine();
        Console.WriteLine("| step | codec wall (s) | DuckDB wall (s) | wall ratio codec / DuckDB | codec CPU (s) | DuckDB CPU (s) | CPU ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("write (Snappy, rows in memory)", codecWrite, duckWrite);
        Row("read the codec's file (all columns materialised)", codecRead, duckReadCodec);
        Row("read DuckDB's file (all columns materialised)", codecReadDuck, duckReadOwn);
        Console.WriteLine($"| file size (MiB) | {new FileInfo(codecFile).Length / 1048576.0:F1} | {new FileInfo(duckFile).Length / 1048576.0:F1} | | | | |");
        return 0;
    }

    private static void Row(string step, Timing codec, Timing duck) =>
        Console.WriteLine($"| {step} | {codec.Wall:F2} | {duck.Wall:F2} | {codec.Wall / duck.Wall:F2} | {codec.Cpu:F2} | {duck.Cpu:F2} | {codec.Cpu / duck.Cpu:F2} |");

    /// <summary>Best wall time and best CPU time (all threads of this process) over the repeats, in seconds.</summary>
    private static async Task<Timing> BestAsync(int repeat, Func<Task> action)
    {
        var best = new Timing(double.MaxValue, double.MaxValue);
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            await action();
            sw.Stop();
            self.Refresh();
            best = best.Min(new Timing(sw.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpu).TotalSeconds));
        }

        return best;
    }

    private readonly record struct Timing(double Wall, double Cpu)
    {
        public Timing Min(Timing other) => new(Math.Min(Wall, other.Wall), Math.Min(Cpu, other.Cpu));
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A benchmark item as the splits store it.</summary>
    internal sealed class BenchRow
    {
        public string Id { get; set; } = "";

        public string Dataset { get; set; } = "";

        public string Difficulty { get; set; } = "";

        public List<string> Departments { get; set; } = [];

        public string Question { get; set; } = "";

        public List<string> Options { get; set; } = [];

        public string? Answer { get; set; }
    }

    /// <summary>The deterministic recipe (seeded) for the benchmark rows.</summary>
    private static class BenchRows
    {
        private static readonly string[] Datasets = ["MAExam", "MAHalt", "MASafety", "MAKnowledge", "MAGuidance", "MAReport", "MAMedication", "GeneralSafety", "MACompliance", "MAEthic", "MAEESymp", "MAEEDisease", "MAEEMedic", "MAEEOper", "MAInspection", "MADiagnosis", "MARecord", "CMExam", "CHIP-CDN", "CMeEE", "CHIP-CDEE", "CMeIE"];
        private static readonly string[] Levels = ["Easy", "Medium", "Hard"];
        private static readonly string[] Departments = ["Cardiology", "Respiratory", "Gastroenterology", "Neurology", "Endocrinology", "Nephrology", "Hematology", "Oncology", "General Surgery", "Orthopedics", "Urology", "Obstetrics", "Gynecology", "Pediatrics", "Dermatology", "Ophthalmology", "ENT", "Psychiatry", "Emergency", "ICU", "Infectious Disease", "Rheumatology", "Stomatology", "Rehabilitation", "No Department"];
        private static readonly string[] Phrases = ["患者男性，65岁，", "因反复胸痛3天入院。", "既往有高血压病史10年，", "规律服用氨氯地平。", "查体：血压150/95 mmHg，", "心率88次/分，", "双肺呼吸音清。", "心电图提示ST段压低。", "实验室检查：肌钙蛋白轻度升高。", "A 58-year-old woman presents with fever and cough. ", "Chest CT shows a right lower lobe consolidation. ", "Which of the following is the most appropriate next step? ", "最可能的诊断是什么？", "下列哪项检查最有助于明确诊断？"];
        private static readonly string[] OptionTexts = ["急性冠脉综合征", "稳定型心绞痛", "主动脉夹层", "肺栓塞", "胃食管反流病", "Start empirical antibiotics", "Order a sputum culture", "Bronchoscopy", "Repeat chest CT in 6 weeks", "Observation only"];

        public static IEnumerable<BenchRow> Generate(int count)
        {
            var random = new Random(20240501);
            var sb = new StringBuilder(400);
            for (var i = 0; i < count; i++)
            {
                sb.Clear().Append('[').Append(i).Append("] ");
                while (sb.Length < 300)
                {
                    sb.Append(Phrases[random.Next(Phrases.Length)]);
                }

                var departments = new List<string>(3);
                var k = 1 + random.Next(3);
                for (var d = 0; d < k; d++)
                {
                    departments.Add(Departments[random.Next(Departments.Length)]);
                }

                var options = new List<string>(5);
                for (var o = 0; o < 5; o++)
                {
                    options.Add(OptionTexts[random.Next(OptionTexts.Length)] + " (" + (char)('A' + o) + random.Next(100).ToString(CultureInfo.InvariantCulture) + ")");
                }

                yield return new BenchRow
                {
                    Id = "item-" + i.ToString("D8", CultureInfo.InvariantCulture),
                    Dataset = Datasets[random.Next(Datasets.Length)],
                    Difficulty = Levels[random.Next(Levels.Length)],
                    Departments = departments,
                    Question = sb.ToString(),
                    Options = options,
                    Answer = ((char)('A' + random.Next(5))).ToString(),
                };
            }
        }
    }
}
