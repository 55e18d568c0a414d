using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CurationPipeline.Cli.Commands;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// `curate datasets fetch` and `list` against a static file server on 127.0.0.1 that the test starts, serving tiny
/// files in the public datasets' native formats written by the test itself.
/// </summary>
public class DatasetsFetchTests
{
    // ---- native-format files, a few records each

    private static readonly string[] Findings = ["发热", "咳嗽", "腹痛", "头痛", "胸闷", "呕吐"];
    private static readonly string[] Sites = ["腹部", "胸部", "头部", "右下肢", "左上肢", "背部"];

    private static byte[] CMExamCsv(int rows)
    {
        var csv = new StringBuilder("Question,Options,Answer,Explanation\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"\"第{i}题：患者{Findings[i % 6]}伴{Findings[(i + 1) % 6]}，首选的检查是\",");
            csv.Append("\"A 血常规\nB 胸部X线\nC 腹部超声\nD 头颅CT\nE 心电图\",");
            csv.Append(CultureInfo.InvariantCulture, $"{"ABCDE"[i % 5]},\"依据症状选择检查（第{i}题）。\"\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static byte[] Json(IEnumerable<object> records) =>
        JsonSerializer.SerializeToUtf8Bytes(records, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static byte[] ChipCdn(int n) => Json(Enumerable.Range(0, n).Select(i => new
    {
        text = $"{Sites[i % 6]}{Findings[i % 6]}待查{i}",
        normalized_result = $"{Findings[i % 6]}##{Sites[i % 6]}疾病",
    }));

    private static byte[] CMeEE(int n) => Json(Enumerable.Range(0, n).Select(i =>
    {
        var text = $"患儿{i}岁，{Findings[i % 6]}三天，{Sites[i % 6]}压痛。";
        var finding = text.IndexOf(Findings[i % 6], StringComparison.Ordinal);
        var site = text.IndexOf(Sites[i % 6], StringComparison.Ordinal);
        return new
        {
            text,
            entities = new object[]
            {
                new { start_idx = finding, end_idx = finding + Findings[i % 6].Length - 1, type = "sym", entity = Findings[i % 6] },
                new { start_idx = site, end_idx = site + Sites[i % 6].Length - 1, type = "bod", entity = Sites[i % 6] },
            },
        };
    }));

    private static byte[] ChipCdee(int n) => Json(Enumerable.Range(0, n).Select(i => new
    {
        id = i,
        text = $"患者{i}天前出现{Sites[i % 6]}{Findings[i % 6]}，无{Findings[(i + 2) % 6]}。",
        @event = new object[]
        {
            new { core_name = Findings[i % 6], tendency = "", character = Array.Empty<string>(), anatomy_list = new[] { Sites[i % 6] } },
            new { core_name = Findings[(i + 2) % 6], tendency = "否定", character = Array.Empty<string>(), anatomy_list = Array.Empty<string>() },
        },
    }));

    private static byte[] CMeIE(int n) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, n).Select(i =>
        JsonSerializer.Serialize(new
        {
            text = $"肺炎@第{i}例肺炎患者常见{Findings[i % 6]}，可行胸部X线检查。",
            spo_list = new object[]
            {
                new { Combined = false, predicate = "临床表现", subject = "肺炎", subject_type = "疾病", @object = new Dictionary<string, string> { ["@value"] = Findings[i % 6] }, object_type = new Dictionary<string, string> { ["@value"] = "症状" } },
                new { Combined = false, predicate = "影像学检查", subject = "肺炎", subject_type = "疾病", @object = new Dictionary<string, string> { ["@value"] = "胸部X线" }, object_type = new Dictionary<string, string> { ["@value"] = "检查" } },
            },
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n")));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Git's blob id, as GitHub gives it for a file at a commit.</summary>
    private static string GitBlobSha1(byte[] bytes)
    {
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
#pragma warning restore CA5350
    }

    // ---- a test manifest

    private sealed class Manifest(TempDirectory dir)
    {
        private readonly StringBuilder _yaml = new("datasets:\n");

        public Manifest Dataset(string name, Uri? baseUrl = null, string? login = null)
        {
            _yaml.Append(CultureInfo.InvariantCulture, $"  - name: {name}\n    description: test data in the native format\n    licence: MIT\n");
            if (baseUrl is not null)
            {
                _yaml.Append(CultureInfo.InvariantCulture, $"    base_url: {baseUrl}\n");
            }

            if (login is not null)
            {
                _yaml.Append(CultureInfo.InvariantCulture, $"    login: {login}\n    login_note: Sign in, accept the terms and download the archive.\n");
            }

            _yaml.Append("    files:\n");
            return this;
        }

        public Manifest File(string path, byte[] content, string? url = null, bool blobId = false, string extra = "")
        {
            var checksum = blobId ? $"git_blob_sha1: {GitBlobSha1(content)}" : $"sha256: {Sha256(content)}, size: {content.Length}";
            _yaml.Append(CultureInfo.InvariantCulture, $"      - {{ path: {path}{(url is null ? "" : $", url: \"{url}\"")}, {checksum}{extra} }}\n");
            return this;
        }

        public string Write()
        {
            var path = dir.File("datasets.yaml");
            System.IO.File.WriteAllText(path, _yaml.ToString());
            return path;
        }
    }

    private static Task<(int Exit, string Output)> Fetch(string manifest, string to, params string[] more) =>
        CliHarness.RunAsync(["datasets", "fetch", .. more, "--manifest", manifest, "--to", to]);

    // ---- tests

    [Fact]
    public async Task Fetch_downloads_verifies_and_lays_out_files_and_does_not_download_a_verified_file_again()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var csv = CMExamCsv(40);
        var cdn = ChipCdn(10);
        var cmeee = CMeEE(10);
        server.Add("williamliujl/CMExam/data/val.csv", csv);
        server.Add("cblue/CHIP-CDN_dev.json", cdn);
        server.Add("licences/LICENSE", "MIT licence text\n"u8.ToArray());

        // An archive URL: CMeEE inside a tar.gz, in a nested folder.
        using (var tree = new TempDirectory())
        {
            Directory.CreateDirectory(Path.Combine(tree.Path, "CBLUE", "CMeEE"));
            await System.IO.File.WriteAllBytesAsync(Path.Combine(tree.Path, "CBLUE", "CMeEE", "CMeEE_dev.json"), cmeee);
            var targz = new MemoryStream();
            await using (var gz = new GZipStream(targz, CompressionLevel.Fastest, leaveOpen: true))
            {
                await TarFile.CreateFromDirectoryAsync(tree.Path, gz, includeBaseDirectory: false);
            }

            server.Add("mirror/CBLUE.tar.gz", targz.ToArray());
        }

        var manifest = new Manifest(dir)
            .Dataset("cmexam", server.UrlOf("williamliujl/CMExam/"))
            .File("val.csv", csv, url: "data/val.csv", blobId: true)
            .File("LICENSE", "MIT licence text\n"u8.ToArray(), url: server.UrlOf("licences/LICENSE").AbsoluteUri)
            .Dataset("cblue-chip-cdn", server.BaseUrl)
            .File("CHIP-CDN_dev.json", cdn, url: "cblue/CHIP-CDN_dev.json")
            .Dataset("cblue-cmeee", server.BaseUrl)
            .File("CMeEE_dev.json", cmeee, url: "mirror/CBLUE.tar.gz", extra: ", archive: true")
            .Write();
        var to = dir.File("public");

        var (exit, output) = await Fetch(manifest, to);

        Assert.True(exit == 0, output);
        Assert.Equal(csv, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cmexam", "val.csv")));
        Assert.Equal(cdn, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cblue-chip-cdn", "CHIP-CDN_dev.json")));
        Assert.Equal(cmeee, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cblue-cmeee", "CMeEE_dev.json")));
        Assert.Empty(Directory.GetFiles(to, "*.part", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(to, ".downloads")), "the downloaded archive is removed once unpacked");
        Assert.Contains($"cmexam: ready, 2 file(s) verified in {Path.Combine(to, "cmexam")} (2 downloaded)", output, StringComparison.Ordinal);
        Assert.Contains($"cblue-cmeee: ready, 1 file(s) verified in {Path.Combine(to, "cblue-cmeee")} (1 downloaded)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        var served = server.Requests.Count;
        Assert.Equal(4, served);

        var (again, againOutput) = await Fetch(manifest, to);

        Assert.Equal(0, again);
        Assert.Equal(served, server.Requests.Count);
        Assert.Contains("cmexam: ready, 2 file(s) verified", againOutput, StringComparison.Ordinal);
        Assert.Contains("(2 already present)", againOutput, StringComparison.Ordinal);

        var (listExit, list) = await CliHarness.RunAsync("datasets", "list", "--manifest", manifest, "--dir", to);
        Assert.Equal(0, listExit);
        Assert.Contains("present, verified", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_transfer_is_kept_and_the_next_run_resumes_it_with_a_range_request()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var csv = CMExamCsv(200);
        server.Add("val.csv", csv);
        var manifest = new Manifest(dir).Dataset("cmexam", server.BaseUrl).File("val.csv", csv, blobId: true).Write();
        var to = dir.File("public");
        var target = Path.Combine(to, "cmexam", "val.csv");
        server.CutAfter("val.csv", 5000);

        var (exit, output) = await Fetch(manifest, to, "--retries", "0");

        Assert.Equal(4, exit);
        Assert.False(System.IO.File.Exists(target));
        Assert.True(System.IO.File.Exists(target + ".part"), output);
        var kept = new FileInfo(target + ".part").Length;
        Assert.Equal(5000, kept);
        Assert.Contains($"error: cmexam/val.csv: the transfer stopped after 5000 of {csv.Length} bytes; run again to resume (5000 bytes kept in val.csv.part) ({server.UrlOf("val.csv")})", output, StringComparison.Ordinal);
        Assert.Contains("cmexam: FAILED", output, StringComparison.Ordinal);

        var (resumed, resumedOutput) = await Fetch(manifest, to);

        Assert.True(resumed == 0, resumedOutput);
        Assert.Contains("cmexam/val.csv: resuming at byte 5000", resumedOutput, StringComparison.Ordinal);
        var last = server.Requests[^1];
        Assert.Equal((5000L, 206, csv.Length - 5000L), (last.RangeFrom, last.Status, last.BytesSent));
        Assert.Equal(csv, await System.IO.File.ReadAllBytesAsync(target));
        Assert.False(System.IO.File.Exists(target + ".part"));
    }

    [Fact]
    public async Task An_interrupted_transfer_is_retried_in_the_same_run_from_where_it_stopped()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var json = ChipCdn(300);
        server.Add("CHIP-CDN_dev.json", json);
        var manifest = new Manifest(dir).Dataset("cblue-chip-cdn", server.BaseUrl).File("CHIP-CDN_dev.json", json).Write();
        var to = dir.File("public");
        server.CutAfter("CHIP-CDN_dev.json", 4096);

        var (exit, output) = await Fetch(manifest, to);

        Assert.True(exit == 0, output);
        Assert.Contains("trying again in 1 s (1 of 2)", output, StringComparison.Ordinal);
        Assert.Equal([null, 4096L], server.Requests.Select(r => r.RangeFrom));
        Assert.Equal(json, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cblue-chip-cdn", "CHIP-CDN_dev.json")));
    }

    [Fact]
    public async Task A_server_that_ignores_range_and_a_stale_partial_file_both_end_in_the_right_bytes()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var json = CMeEE(100);
        server.Add("CMeEE_dev.json", json);
        var manifest = new Manifest(dir).Dataset("cblue-cmeee", server.BaseUrl).File("CMeEE_dev.json", json).Write();
        var to = dir.File("public");
        var target = Path.Combine(to, "cblue-cmeee", "CMeEE_dev.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // The server answers a Range request with the whole file: the part starts over.
        await System.IO.File.WriteAllBytesAsync(target + ".part", json[..3000]);
        server.IgnoreRange = true;
        var (exit, output) = await Fetch(manifest, to);

        Assert.True(exit == 0, output);
        Assert.Contains("the server does not resume downloads; starting over", output, StringComparison.Ordinal);
        Assert.Equal((3000L, 200, (long)json.Length), (server.Requests[0].RangeFrom, server.Requests[0].Status, server.Requests[0].BytesSent));
        Assert.Equal(json, await System.IO.File.ReadAllBytesAsync(target));

        // A part file from something else: resumed, it fails the checksum, and is downloaded once more from the start.
        System.IO.File.Delete(target);
        await System.IO.File.WriteAllBytesAsync(target + ".part", new byte[3000]);
        server.IgnoreRange = false;
        var (second, secondOutput) = await Fetch(manifest, to);

        Assert.True(second == 0, secondOutput);
        Assert.Contains("downloading it again from the start", secondOutput, StringComparison.Ordinal);
        Assert.Equal([3000L, null], server.Requests.Skip(1).Select(r => r.RangeFrom));
        Assert.Equal(json, await System.IO.File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task A_wrong_checksum_deletes_the_download_and_names_the_file_and_both_checksums()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var served = ChipCdee(20);
        var expected = ChipCdee(21);
        server.Add("CHIP-CDEE_dev.json", served);
        var manifest = new Manifest(dir).Dataset("cblue-chip-cdee", server.BaseUrl).File("CHIP-CDEE_dev.json", expected, extra: "").Write();
        System.IO.File.WriteAllText(manifest, System.IO.File.ReadAllText(manifest).Replace($"size: {expected.Length}", $"size: {served.Length}", StringComparison.Ordinal));
        var to = dir.File("public");

        var (exit, output) = await Fetch(manifest, to);

        Assert.Equal(4, exit);
        Assert.Contains($"error: cblue-chip-cdee/CHIP-CDEE_dev.json: checksum mismatch: expected sha256 {Sha256(expected)}, got {Sha256(served)}; the download was deleted", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(to, "cblue-chip-cdee")), "nothing is left in place");
    }

    [Fact]
    public async Task Missing_files_refused_connections_unknown_hosts_and_stalls_are_one_line_errors_and_the_other_datasets_are_still_fetched()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        var csv = CMExamCsv(10);
        server.Add("ok/val.csv", csv);
        server.Add("forbidden/x.json", "[]"u8.ToArray());
        server.FailWith("forbidden/x.json", 403);
        server.Add("slow/y.json", "[]"u8.ToArray());
        server.Stall("slow/y.json", TimeSpan.FromSeconds(20));
        var closedPort = ClosedPort();
        var manifest = new Manifest(dir)
            .Dataset("missing", server.BaseUrl).File("gone.json", "[]"u8.ToArray(), url: "gone/gone.json")
            .Dataset("forbidden", server.BaseUrl).File("x.json", "[]"u8.ToArray(), url: "forbidden/x.json")
            .Dataset("refused", new Uri($"http://127.0.0.1:{closedPort}/")).File("z.json", "[]"u8.ToArray())
            .Dataset("nowhere", new Uri("http://curate-test.invalid/")).File("w.json", "[]"u8.ToArray())
            .Dataset("slow", server.BaseUrl).File("y.json", "[]"u8.ToArray(), url: "slow/y.json")
            .Dataset("cmexam", server.BaseUrl).File("val.csv", csv, url: "ok/val.csv")
            .Write();
        var to = dir.File("public");

        var (exit, output) = await Fetch(manifest, to, "cmexam", "missing", "forbidden", "refused", "slow", "--retries", "0", "--timeout", "1");

        Assert.Equal(4, exit);
        Assert.Contains($"error: missing/gone.json: HTTP 404 Not Found ({server.UrlOf("gone/gone.json")})", output, StringComparison.Ordinal);
        Assert.Contains($"error: forbidden/x.json: HTTP 403 Forbidden ({server.UrlOf("forbidden/x.json")})", output, StringComparison.Ordinal);
        Assert.Contains($"error: refused/z.json: connection refused by 127.0.0.1:{closedPort} (http://127.0.0.1:{closedPort}/z.json)", output, StringComparison.Ordinal);
        Assert.Contains("error: slow/y.json: timed out: nothing received for 1 s", output, StringComparison.Ordinal);
        Assert.Contains("4 dataset(s) could not be fetched completely (exit code 4)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(csv, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cmexam", "val.csv")));
        Assert.Equal(["cmexam"], Directory.GetDirectories(to).Select(Path.GetFileName));

        // .invalid never resolves (RFC 6761); the default timeout leaves the resolver time to say so.
        var (dns, dnsOutput) = await Fetch(manifest, to, "nowhere", "--retries", "0");
        Assert.Equal(4, dns);
        Assert.Contains("error: nowhere/w.json: host not found: curate-test.invalid (no network, or the name does not resolve) (http://curate-test.invalid/w.json)", dnsOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_takes_login_only_files_out_of_a_zip_with_nested_folders_and_checks_them()
    {
        using var dir = new TempDirectory();
        var cmeee = CMeEE(8);
        var cmeie = CMeIE(8);
        var cdee = ChipCdee(8);
        var zip = dir.File("CBLUEDatasets.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            void Add(string name, byte[] bytes)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }

            Add("CBLUEDatasets/CMeEE/CMeEE_dev.json", cmeee);
            Add("CBLUEDatasets/CMeEE/README.txt", "ee readme"u8.ToArray());
            Add("CBLUEDatasets/CMeIE/CMeIE_dev.json", cmeie);
            Add("CBLUEDatasets/CMeIE/README.txt", "ie readme"u8.ToArray());
            Add("CBLUEDatasets/CHIP-CDEE/CHIP-CDEE_dev.json", cdee[..^5]); // damaged
        }

        const string Login = "https://login.example/dataset";
        var manifest = new Manifest(dir)
            .Dataset("cblue-cmeee", login: Login).File("CMeEE_dev.json", cmeee).File("README.txt", "ee readme"u8.ToArray(), extra: ", optional: true")
            .Dataset("cblue-cmeie", login: Login).File("CMeIE_dev.json", cmeie).File("README.txt", "ie readme"u8.ToArray(), extra: ", optional: true")
            .Dataset("cblue-chip-cdee", login: Login).File("CHIP-CDEE_dev.json", cdee)
            .Write();
        var to = dir.File("public");

        // Without --from the command says where the files come from.
        var (needs, needsOutput) = await Fetch(manifest, to, "cblue-cmeee");
        Assert.Equal(4, needs);
        Assert.Contains($"cblue-cmeee: not downloaded by curate; get the files after signing in at {Login}", needsOutput, StringComparison.Ordinal);
        Assert.Contains("then: curate datasets fetch cblue-cmeee --from FILE", needsOutput, StringComparison.Ordinal);

        var (exit, output) = await Fetch(manifest, to, "--from", zip);

        Assert.Equal(4, exit);
        Assert.Equal(cmeee, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cblue-cmeee", "CMeEE_dev.json")));
        Assert.Equal("ie readme", await System.IO.File.ReadAllTextAsync(Path.Combine(to, "cblue-cmeie", "README.txt")));
        Assert.Equal(cmeie, await System.IO.File.ReadAllBytesAsync(Path.Combine(to, "cblue-cmeie", "CMeIE_dev.json")));
        Assert.Contains($"cblue-cmeee: ready, 2 file(s) verified in {Path.Combine(to, "cblue-cmeee")} (2 taken from {zip})", output, StringComparison.Ordinal);
        Assert.Contains($"error: cblue-chip-cdee/CHIP-CDEE_dev.json: CBLUEDatasets/CHIP-CDEE/CHIP-CDEE_dev.json in {zip} has sha256 {Sha256(cdee[..^5])}, expected {Sha256(cdee)}", output, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Path.Combine(to, "cblue-chip-cdee", "CHIP-CDEE_dev.json")));

        // A damaged archive is a one-line error, not a crash.
        var broken = dir.File("broken.zip");
        await System.IO.File.WriteAllBytesAsync(broken, [0x50, 0x4b, 3, 4, 1, 2, 3]);
        var (brokenExit, brokenOutput) = await Fetch(manifest, to, "cblue-chip-cdee", "--from", broken);
        Assert.Equal(4, brokenExit);
        Assert.Contains($"error: cblue-chip-cdee/CHIP-CDEE_dev.json: cannot read {broken}: ", brokenOutput, StringComparison.Ordinal);

        var (listExit, list) = await CliHarness.RunAsync("datasets", "list", "--manifest", manifest, "--dir", to);
        Assert.Equal(0, listExit);
        Assert.Matches(@"cblue-cmeie\s+│ present, verified", list);
        Assert.Matches(@"cblue-chip-cdee\s+│ missing: needs --from \(login\)", list);
    }

    [Fact]
    public async Task An_unknown_dataset_name_is_a_usage_error_that_lists_the_names()
    {
        using var dir = new TempDirectory();
        var manifest = new Manifest(dir).Dataset("cmexam", new Uri("http://127.0.0.1:9/")).File("val.csv", "x"u8.ToArray()).Write();

        var (exit, output) = await Fetch(manifest, dir.File("public"), "cmexam", "cmeee");

        Assert.Equal(2, exit);
        Assert.Contains("unknown dataset 'cmeee' (known: cmexam)", output, StringComparison.Ordinal);

        var (bundled, bundledOutput) = await CliHarness.RunAsync("datasets", "fetch", "nope", "--to", dir.File("public"));
        Assert.Equal(2, bundled);
        Assert.Contains("(known: cmexam, cblue-chip-cdn, cblue-cmeee, cblue-chip-cdee, cblue-cmeie, cehrner, cmtmedqa, presidio-synth-pii, toyhom-med-dialogue, cmdd)", bundledOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("public")));
    }

    [Fact]
    public async Task A_run_names_the_fetch_command_for_each_missing_public_source()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.File("small.yaml");
        string Repo(string p) => CliHarness.RepoFile(p).Replace("\\", "/", StringComparison.Ordinal);
        var publicDir = dir.File("public").Replace("\\", "/", StringComparison.Ordinal);
        await System.IO.File.WriteAllTextAsync(pipeline, $$"""
            name: small
            sources:
              - { name: diseases, path: "{{Repo("raw/knowledge/diseases.csv")}}", format: csv, kind: knowledge, id_field: id }
              - { name: cmexam, path: "{{publicDir}}/cmexam/val*.csv", format: cmexam, kind: public, optional: true }
              - { name: cmeee, path: "{{publicDir}}/cblue-cmeee/CMeEE_dev*.json", format: cmeee, kind: public, optional: true }
            datasets:
              - { name: MAExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: P1, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: 5, inputs: [diseases], options: { variant: exam } }
              - { name: CMExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: public, source: public, type: multiple-choice, scoring: accuracy, target_n: 5, inputs: [cmexam] }
              - { name: CMeEE, primary: FundCap, secondary: MedRU, task: Info. Extraction, paradigm: public, source: public, type: open-ended, scoring: micro-f1, target_n: 5, inputs: [cmeee] }
            """);
        var outDir = dir.File("out");

        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", outDir, "--limit", "5", "--raw", Repo("raw"));

        Assert.True(exit is 0 or 1, output);
        Assert.Contains("optional sources not found, skipped: cmexam, cmeee", output, StringComparison.Ordinal);
        Assert.Contains("Get them with `curate datasets fetch cmexam cblue-cmeee` (cblue-cmeee comes from a registration page", output, StringComparison.Ordinal);
        Assert.Contains($"Or set CURATE_EXTERNAL_DATA (or pass `curate run --public-data`) to a folder that holds them (looked in {publicDir}).", output, StringComparison.Ordinal);
        var report = await System.IO.File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains("Get them with `curate datasets fetch cmexam cblue-cmeee`", report, StringComparison.Ordinal);
        Assert.Contains("Or set CURATE_EXTERNAL_DATA (or pass `curate run --public-data`) to a folder that holds them.", report, StringComparison.Ordinal);
    }

    /// <summary>A new user's path: the five public sets fetched from the loopback server, then the main job has items for all 22 datasets.</summary>
    [Fact]
    public async Task Fetched_public_sets_give_the_main_job_items_for_all_22_datasets()
    {
        using var dir = new TempDirectory();
        await using var server = await LoopbackFileServer.StartAsync();
        const int Records = 12;
        var files = new Dictionary<string, byte[]>
        {
            ["cmexam"] = CMExamCsv(Records),
            ["cblue-chip-cdn"] = ChipCdn(Records),
            ["cblue-cmeee"] = CMeEE(Records),
            ["cblue-chip-cdee"] = ChipCdee(Records),
            ["cblue-cmeie"] = CMeIE(Records),
        };
        server.Add("CMExam/data/val.csv", files["cmexam"]);
        server.Add("mirror/CHIP-CDN/CHIP-CDN_dev.json", files["cblue-chip-cdn"]);
        var zip = dir.File("CBLUE.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (folder, name) in new[] { ("CMeEE", "cblue-cmeee"), ("CHIP-CDEE", "cblue-chip-cdee"), ("CMeIE", "cblue-cmeie") })
            {
                using var stream = archive.CreateEntry($"CBLUEDatasets/{folder}/{folder}_dev.json").Open();
                stream.Write(files[name]);
            }
        }

        // CMExam and CHIP-CDN come by URL (an internal mirror), the other CBLUE sets from the archive a user downloaded.
        var manifest = new Manifest(dir)
            .Dataset("cmexam", server.UrlOf("CMExam/")).File("val.csv", files["cmexam"], url: "data/val.csv", blobId: true)
            .Dataset("cblue-chip-cdn", server.UrlOf("mirror/")).File("CHIP-CDN_dev.json", files["cblue-chip-cdn"], url: "CHIP-CDN/CHIP-CDN_dev.json")
            .Dataset("cblue-cmeee", login: "https://login.example/cblue").File("CMeEE_dev.json", files["cblue-cmeee"])
            .Dataset("cblue-chip-cdee", login: "https://login.example/cblue").File("CHIP-CDEE_dev.json", files["cblue-chip-cdee"])
            .Dataset("cblue-cmeie", login: "https://login.example/cblue").File("CMeIE_dev.json", files["cblue-cmeie"])
            .Write();
        var publicDir = dir.File("public");

        var (fetchExit, fetchOutput) = await Fetch(manifest, publicDir, "--from", zip);

        Assert.True(fetchExit == 0, fetchOutput);
        Assert.Equal(5, fetchOutput.Split('\n').Count(l => l.Contains(": ready, 1 file(s) verified", StringComparison.Ordinal)));

        var outDir = dir.File("mlb");
        var (runExit, runOutput) = await RunCurateProcessAsync(
            ["run", CliHarness.RepoFile("pipelines/mlb.yaml"), "--out", outDir, "--limit", "130"],
            new Dictionary<string, string> { ["CURATE_EXTERNAL_DATA"] = publicDir });

        Assert.True(runExit is 0 or 1, runOutput);
        Assert.DoesNotContain("optional sources not found", runOutput, StringComparison.Ordinal);
        var pool = Path.Combine(outDir, "pool.parquet");
        var byDataset = (await DuckDb.QueryAsync($"SELECT dataset, count(*) AS n FROM {DuckDb.Literal(pool)} GROUP BY dataset"))
            .ToDictionary(r => r.GetProperty("dataset").GetString()!, r => int.Parse(r.GetProperty("n").ToString(), CultureInfo.InvariantCulture));
        Assert.True(22 == byDataset.Count, string.Join(", ", byDataset.Keys.Order(StringComparer.Ordinal)) + "\n" + runOutput);
        Assert.All(byDataset, d => Assert.True(d.Value > 0, d.Key));
        // Every record is an item of the pool or a duplicate the dedup stage named (the generated rows repeat their findings every six).
        var duplicates = System.IO.File.ReadAllLines(Path.Combine(outDir, "rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("stage").GetString() == "dedup").GroupBy(r => r.GetProperty("dataset").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var name in new[] { "CMExam", "CHIP-CDN", "CMeEE", "CHIP-CDEE", "CMeIE" })
        {
            Assert.Equal(Records, byDataset[name] + duplicates.GetValueOrDefault(name));
        }

        var report = await System.IO.File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.DoesNotContain("Optional sources not found", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_progress_is_plain_lines_with_percent_and_rate_and_repeated_errors_are_summed_up()
    {
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            Interactive = Spectre.Console.InteractionSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(writer),
        });
        var progress = new FetchProgress(console, 3, TimeProvider.System) { PlainInterval = TimeSpan.FromMilliseconds(20) };
        var work = new TaskCompletionSource<int>();
        var watching = progress.WatchAsync(work.Task);
        var dataset = new CurationPipeline.Datasets.DatasetEntry { Name = "cmdd" };
        CurationPipeline.Datasets.FileOutcome Failed(string path) =>
            new(dataset, new CurationPipeline.Datasets.DatasetFile { Path = path }, path, CurationPipeline.Datasets.FileStatus.Failed, "HTTP 503 Service Unavailable", new Uri("http://127.0.0.1/" + path));

        progress.Transfer("cmexam/val.csv", 0, 1024 * 1024);
        progress.Transfer("cmexam/val.csv", 512 * 1024, 1024 * 1024);
        progress.Done(Failed("dev/dev_0.json"));
        progress.Done(Failed("dev/dev_1.json"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!writer.ToString().Contains("cmexam/val.csv 512.0 KB of 1.0 MB (50%)", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        progress.TransferEnded("cmexam/val.csv");
        work.SetResult(0);
        await watching;

        var output = writer.ToString();
        Assert.Matches(@"\[ *\d+\.\ds\] 2 of 3 files, 512\.0 KB at [\d.]+ [KM]?B/s; cmexam/val\.csv 512\.0 KB of 1\.0 MB \(50%\) [\d.]+ [KM]?B/s", output);
        Assert.Contains("error: cmdd/dev/dev_0.json: HTTP 503 Service Unavailable (http://127.0.0.1/dev/dev_0.json)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dev_1.json", output, StringComparison.Ordinal);
        Assert.Contains("error: cmdd: 1 more file(s) failed the same way (HTTP 503 Service Unavailable)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nobody listens on.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs `curate` as a process of its own with extra environment variables; returns its exit code and output.</summary>
    private static async Task<(int Exit, string Output)> RunCurateProcessAsync(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = CliHarness.StartProcess(arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
