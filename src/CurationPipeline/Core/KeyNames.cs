using System.Text;

namespace CurationPipeline.Core;

/// <summary>Key names as pipeline files and rejects write them.</summary>
public static class KeyNames
{
    /// <summary>The snake_case of a property name or path (<c>Datasets[3].TargetN</c> gives <c>datasets[3].target_n</c>).</summary>
    public static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '[' && name[i - 1] != '.')
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
