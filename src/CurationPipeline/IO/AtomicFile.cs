namespace CurationPipeline.IO;

/// <summary>Writes a file under a temporary name and renames it into place, so readers never see half of it.</summary>
public static class AtomicFile
{
    /// <summary>A temporary name beside <paramref name="path"/> that no other process or writer uses: <c>name.PID.RANDOM.tmp</c>.</summary>
    public static string TempName(string path) =>
        $"{path}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}.tmp";

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempName(path);
        try
        {
            await File.WriteAllTextAsync(temp, text, new System.Text.UTF8Encoding(false), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
