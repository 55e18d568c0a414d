using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using CurationPipeline.Datasets;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Datasets;

public class LocalSourceTests
{
    private static async Task<Dictionary<string, string>> ReadAll(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var dir = new TempDirectory();
        await foreach (var entry in LocalSource.EntriesAsync(path))
        {
            var copy = dir.File("copy");
            await entry.CopyToAsync(copy);
            files[entry.Path] = await File.ReadAllTextAsync(copy);
        }

        return files;
    }

    private static void WriteTree(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "CBLUE", "CMeEE"));
        Directory.CreateDirectory(Path.Combine(root, "CBLUE", "CMeIE"));
        File.WriteAllText(Path.Combine(root, "CBLUE", "CMeEE", "CMeEE_dev.json"), "[]", Encoding.UTF8);
        File.WriteAllText(Path.Combine(root, "CBLUE", "CMeEE", "README.txt"), "ee", Encoding.UTF8);
        File.WriteAllText(Path.Combine(root, "CBLUE", "CMeIE", "README.txt"), "ie", Encoding.UTF8);
    }

    [Fact]
    public async Task Zip_tar_gz_gzip_and_folders_offer_their_files_whatever_their_names()
    {
        using var dir = new TempDirectory();
        var tree = dir.File("tree");
        WriteTree(tree);

        // Archives told by their bytes: the zip is named .bin, the tar.gz .dat.
        var zip = dir.File("download.bin");
        ZipFile.CreateFromDirectory(tree, zip);
        var targz = dir.File("download.dat");
        await using (var output = File.Create(targz))
        await using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            await TarFile.CreateFromDirectoryAsync(tree, gz, includeBaseDirectory: false);
        }

        var gzip = dir.File("CMeEE_dev.json.gz");
        await using (var output = File.Create(gzip))
        await using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            await gz.WriteAsync("[{}]"u8.ToArray());
        }

        // A folder holding the zip and a loose file.
        var folder = dir.File("downloads");
        Directory.CreateDirectory(folder);
        File.Copy(zip, Path.Combine(folder, "CBLUE.zip"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "n");

        Assert.Equal(LocalSourceKind.Zip, LocalSource.Detect(zip));
        Assert.Equal(LocalSourceKind.TarGz, LocalSource.Detect(targz));
        Assert.Equal(LocalSourceKind.Gz, LocalSource.Detect(gzip));
        Assert.Equal(LocalSourceKind.Folder, LocalSource.Detect(folder));
        Assert.Equal(LocalSourceKind.File, LocalSource.Detect(Path.Combine(folder, "notes.txt")));

        var expected = new Dictionary<string, string>
        {
            ["CBLUE/CMeEE/CMeEE_dev.json"] = "[]",
            ["CBLUE/CMeEE/README.txt"] = "ee",
            ["CBLUE/CMeIE/README.txt"] = "ie",
        };
        Assert.Equal(expected, await ReadAll(zip));
        Assert.Equal(expected, await ReadAll(targz));
        Assert.Equal(new Dictionary<string, string> { ["CMeEE_dev.json"] = "[{}]" }, await ReadAll(gzip));
        var inFolder = await ReadAll(folder);
        Assert.Equal("ee", inFolder["CBLUE.zip/CBLUE/CMeEE/README.txt"]);
        Assert.Equal("n", inFolder["notes.txt"]);
    }

    [Fact]
    public async Task An_entry_is_the_member_a_name_or_path_ending_names()
    {
        using var dir = new TempDirectory();
        WriteTree(dir.Path);
        var entries = new List<SourceEntry>();
        await foreach (var e in LocalSource.EntriesAsync(dir.Path))
        {
            entries.Add(e);
        }

        Assert.Equal(["CBLUE/CMeEE/CMeEE_dev.json"], entries.Where(e => e.Is("CMeEE_dev.json")).Select(e => e.Path));
        Assert.Equal(2, entries.Count(e => e.Is("README.txt")));
        Assert.Equal(["CBLUE/CMeIE/README.txt"], entries.Where(e => e.Is("CMeIE/README.txt")).Select(e => e.Path));
        Assert.DoesNotContain(entries, e => e.Is("EE_dev.json"));
    }
}
