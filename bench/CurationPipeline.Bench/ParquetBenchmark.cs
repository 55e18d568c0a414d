using System.Diagnostics;
using System.Globalization;
using System.Text;
using static System.FormattableString;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;
using DuckDB.NET.Data;
using NetParquet = Parquet;
using Sharp = ParquetSharp;

namespace CurationPipeline.Bench;

/// <summary>
/// Writes and reads the same rows with the project's Parquet codec and with DuckDB (in process) and reports
/// the time ratios and the writer's peak memory; with --libraries, also with Parquet.Net and ParquetSharp
/// (Arrow C++). See docs/bench/parquet.md.
/// </summary>
internal sealed class ParquetBenchmark : IBenchmark
{
    public string Name => "parquet";

    public string Description => "Parquet codec vs DuckDB: write and read time ratios, writer peak memory [--rows N] [--repeat K] [--libraries: Parquet.Net and ParquetSharp too]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = IntArg(args, "--rows", 1_000_000);
        var repeat = IntArg(args, "--repeat", 3);
        var libraries = args.Contains("--libraries");
        var folder = Path.Combine(Path.GetTempPath(), "curate-bench-parquet-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var code = await RunCoreAsync(folder, rows, repeat, cancellationToken);
            if (libraries)
            {
                await LibrariesAsync(folder, rows, repeat, cancellationToken);
            }

            return code;
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
            // One statement at a time on one connection: DuckDB.NET runs all but the last statement of a
            // multi-statement command before it returns, so only separate commands can be timed.
            await Task.Run(
                () =>
                {
                    using var connection = new DuckDBConnection("DataSource=:memory:");
                    connection.Open();
                    Timing Statement(string sql)
                    {
                        using var self = Process.GetCurrentProcess();
                        var cpu = self.TotalProcessorTime;
                        var sw = Stopwatch.StartNew();
                        using var command = connection.CreateCommand();
                        command.CommandText = sql;
                        command.ExecuteNonQuery();
                        self.Refresh();
                        return new Timing(sw.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpu).TotalSeconds);
                    }

                    Statement($"CREATE TABLE src AS SELECT * FROM read_parquet({DuckDb.Literal(codecFile)})");
                    duckWrite = duckWrite.Min(Statement($"COPY src TO {DuckDb.Literal(duckFile)} (FORMAT parquet, COMPRESSION snappy)"));
                    duckReadOwn = duckReadOwn.Min(Statement($"CREATE TABLE own AS SELECT * FROM read_parquet({DuckDb.Literal(duckFile)})"));
                    duckReadCodec = duckReadCodec.Min(Statement($"CREATE TABLE codec AS SELECT * FROM read_parquet({DuckDb.Literal(codecFile)})"));
                },
                cancellationToken);
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

    /// <summary>
    /// The codec, Parquet.Net and ParquetSharp write the same rows (in memory, Snappy, 50,000-row groups) and
    /// read them back into objects: best wall time, and the managed bytes allocated by one write and one read
    /// (ParquetSharp's native buffers are counted apart, as the peak of Arrow's memory pool).
    /// </summary>
    private static async Task LibrariesAsync(string folder, int count, int repeat, CancellationToken cancellationToken)
    {
        const int groupRows = 50_000;
        var rows = BenchRows.Generate(count).ToList();
        var path = Path.Combine(folder, "library.parquet");
        async Task<int> CountOptions(IAsyncEnumerable<BenchRow> read)
        {
            var n = 0;
            await foreach (var row in read)
            {
                n += row.Options.Count;
            }

            return n;
        }

        var libraries = new (string Name, Func<Task> Write, Func<Task<int>> Read)[]
        {
            ("codec", () => ParquetSerializer.WriteAsync(path, rows, new ParquetWriteOptions { RowGroupSize = groupRows }, cancellationToken),
                () => CountOptions(ParquetSerializer.ReadAsync<BenchRow>(path, cancellationToken))),
            ("Parquet.Net 6.1", () => NetParquet.Serialization.ParquetSerializer.SerializeAsync(rows, path, new NetParquet.ParquetOptions { RowGroupSize = groupRows }, cancellationToken: cancellationToken),
                async () => (await NetParquet.Serialization.ParquetSerializer.DeserializeAsync<BenchRow>(path, cancellationToken: cancellationToken)).Data.Sum(r => r.Options.Count)),
            ("ParquetSharp 25 (Arrow C++)", () => Task.Run(() => SharpWrite(path, rows, groupRows), cancellationToken),
                () => Task.Run(() => SharpRead(path).Sum(r => r.Options.Count), cancellationToken)),
        };

        Console.WriteLine();
        Console.WriteLine(Invariant($"{count:N0} rows in memory, Snappy, {groupRows:N0}-row groups; best of {repeat}"));
        Console.WriteLine("| library | write wall (s) | read wall (s) | allocated by one write (MiB) | allocated by one read (MiB) | file (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, write, read) in libraries)
        {
            var writeAllocated = await AllocatedAsync(write);
            var writeTime = await BestAsync(repeat, write);
            var readAllocated = await AllocatedAsync(async () =>
            {
                if (await read() != count * 5)
                {
                    throw new InvalidOperationException($"{name} read back a different number of options");
                }
            });
            var readTime = await BestAsync(repeat, async () => await read());
            Console.WriteLine(Invariant($"| {name} | {writeTime.Wall:F2} | {readTime.Wall:F2} | {writeAllocated / 1048576.0:F0} | {readAllocated / 1048576.0:F0} | {new FileInfo(path).Length / 1048576.0:F1} |"));
        }

        Console.WriteLine(Invariant($"Arrow memory pool peak (ParquetSharp's native buffers): {Sharp.MemoryPool.GetDefaultMemoryPool().MaxMemory / 1048576.0:F0} MiB"));
    }

    private static async Task<long> AllocatedAsync(Func<Task> action)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static void SharpWrite(string path, List<BenchRow> rows, int groupRows)
    {
        using var properties = new Sharp.WriterPropertiesBuilder().Compression(Sharp.Compression.Snappy).Build();
        Sharp.Column[] columns =
        [
            new Sharp.Column<string>("id"), new Sharp.Column<string>("dataset"), new Sharp.Column<string>("difficulty"),
            new Sharp.Column<string[]>("departments"), new Sharp.Column<string>("question"),
            new Sharp.Column<string[]>("options"), new Sharp.Column<string?>("answer"),
        ];
        using var writer = new Sharp.ParquetFileWriter(path, columns, properties);
        foreach (var chunk in rows.Chunk(groupRows))
        {
            using var group = writer.AppendRowGroup();
            void Write<T>(Func<BenchRow, T> get)
            {
                using var column = group.NextColumn().LogicalWriter<T>();
                column.WriteBatch(chunk.Select(get).ToArray());
            }

            Write(r => r.Id);
            Write(r => r.Dataset);
            Write(r => r.Difficulty);
            Write(r => r.Departments.ToArray());
            Write(r => r.Question);
            Write(r => r.Options.ToArray());
            Write(r => r.Answer);
        }

        writer.Close();
    }

    private static List<BenchRow> SharpRead(string path)
    {
        using var reader = new Sharp.ParquetFileReader(path);
        var rows = new List<BenchRow>();
        for (var g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using var group = reader.RowGroup(g);
            var n = (int)group.MetaData.NumRows;
            T[] Read<T>(int column)
            {
                using var values = group.Column(column).LogicalReader<T>();
                return values.ReadAll(n);
            }

            var (ids, datasets, levels, departments) = (Read<string>(0), Read<string>(1), Read<string>(2), Read<string[]>(3));
            var (questions, options, answers) = (Read<string>(4), Read<string[]>(5), Read<string?>(6));
            for (var i = 0; i < n; i++)
            {
                rows.Add(new BenchRow { Id = ids[i], Dataset = datasets[i], Difficulty = levels[i], Departments = [.. departments[i]], Question = questions[i], Options = [.. options[i]], Answer = answers[i] });
            }
        }

        return rows;
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

    /// <summary>A benchmark item as the splits store it (public: Parquet.Net's serializer maps public types).</summary>
    public sealed class BenchRow
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
