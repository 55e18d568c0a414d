using CurationPipeline.Parquet.Format;

namespace CurationPipeline.Parquet.Schema;

/// <summary>Turns the footer's flattened schema into top-level column descriptors.</summary>
internal static class FileSchema
{
    public static List<ColumnDescriptor> Parse(List<SchemaElement> elements, string file)
    {
        if (elements.Count == 0)
        {
            throw new ParquetException($"{file}: the schema is empty");
        }

        var columns = new List<ColumnDescriptor>();
        var index = 1;
        var leaf = 0;
        var rootChildren = elements[0].NumChildren ?? 0;
        for (var c = 0; c < rootChildren; c++)
        {
            if (index >= elements.Count)
            {
                throw new ParquetException($"{file}: corrupt schema (the root claims {rootChildren} columns, the schema ends early)");
            }

            columns.Add(ParseTopLevel(elements, ref index, ref leaf, file));
        }

        return columns;
    }

    private static ColumnDescriptor ParseTopLevel(List<SchemaElement> elements, ref int index, ref int leaf, string file)
    {
        var top = elements[index];
        var path = new List<SchemaElement>();
        var leaves = 0;
        SchemaElement? firstLeaf = null;
        List<SchemaElement>? firstLeafPath = null;
        Walk(elements, ref index, path, ref leaves, ref firstLeaf, ref firstLeafPath, file, 0);

        var leafIndex = leaf;
        leaf += leaves;
        var name = top.Name;
        if (leaves != 1 || firstLeaf is null || firstLeafPath is null)
        {
            return Unsupported(name, leafIndex, "a nested group (struct or map)");
        }

        int def = 0, rep = 0, listNullBelow = 0, elementDef = 0;
        foreach (var node in firstLeafPath)
        {
            switch (node.Repetition ?? Repetition.Required)
            {
                case Repetition.Optional:
                    def++;
                    break;
                case Repetition.Repeated:
                    listNullBelow = def;
                    def++;
                    rep++;
                    elementDef = def;
                    break;
            }
        }

        if (rep > 1)
        {
            return Unsupported(name, leafIndex, "a list of lists");
        }

        if (firstLeaf.Type is null)
        {
            return Unsupported(name, leafIndex, "a group without a type");
        }

        return new ColumnDescriptor
        {
            Name = name,
            Path = firstLeafPath.Select(e => e.Name).ToArray(),
            Type = firstLeaf.Type.Value,
            Logical = firstLeaf.LogicalType,
            Converted = firstLeaf.ConvertedType,
            TypeLength = firstLeaf.TypeLength ?? 0,
            MaxDef = def,
            MaxRep = rep,
            IsOptional = top.Repetition == Repetition.Optional,
            ElementOptional = rep > 0 && firstLeaf.Repetition == Repetition.Optional,
            ListNullBelow = listNullBelow,
            ElementDef = elementDef,
            LeafIndex = leafIndex,
        };
    }

    private static void Walk(List<SchemaElement> elements, ref int index, List<SchemaElement> path, ref int leaves, ref SchemaElement? firstLeaf, ref List<SchemaElement>? firstLeafPath, string file, int depth)
    {
        if (index >= elements.Count || depth > 32)
        {
            throw new ParquetException($"{file}: corrupt schema (the tree of '{elements[Math.Min(index, elements.Count - 1)].Name}' is malformed)");
        }

        var node = elements[index++];
        path.Add(node);
        var children = node.NumChildren ?? 0;
        if (node.Type is not null || children == 0)
        {
            leaves++;
            if (firstLeaf is null)
            {
                firstLeaf = node;
                firstLeafPath = [.. path];
            }
        }
        else
        {
            for (var i = 0; i < children; i++)
            {
                Walk(elements, ref index, path, ref leaves, ref firstLeaf, ref firstLeafPath, file, depth + 1);
            }
        }

        path.RemoveAt(path.Count - 1);
    }

    private static ColumnDescriptor Unsupported(string name, int leafIndex, string what) => new()
    {
        Name = name,
        Path = [name],
        Type = PhysicalType.ByteArray,
        LeafIndex = leafIndex,
        Unsupported = what,
    };
}
