using CurationPipeline.Parquet.Thrift;

namespace CurationPipeline.Parquet.Format;

/// <summary>A page header (parquet.thrift PageHeader with its data, dictionary and v2 data page headers).</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    /// <summary>num_values of whichever sub-header is present.</summary>
    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public ParquetEncoding DefinitionLevelEncoding { get; set; } = ParquetEncoding.Rle;

    public ParquetEncoding RepetitionLevelEncoding { get; set; } = ParquetEncoding.Rle;

    // Data page v2 only.
    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public bool HasSubHeader { get; private set; }

    /// <summary>The page's statistics (data pages v1 and v2), or null when the header has none.</summary>
    public Statistics? Statistics { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)Type);
        w.FieldI32(2, UncompressedPageSize);
        w.FieldI32(3, CompressedPageSize);
        if (Type == PageType.DataPageV2)
        {
            w.BeginStructField(8);
            w.FieldI32(1, NumValues);
            w.FieldI32(2, NumNulls);
            w.FieldI32(3, NumRows);
            w.FieldI32(4, (int)Encoding);
            w.FieldI32(5, DefinitionLevelsByteLength);
            w.FieldI32(6, RepetitionLevelsByteLength);
            w.FieldBool(7, IsCompressed);
            WriteStatistics(w, 8);
            w.EndStruct();
        }
        else if (Type == PageType.DictionaryPage)
        {
            w.BeginStructField(7);
            w.FieldI32(1, NumValues);
            w.FieldI32(2, (int)Encoding);
            w.EndStruct();
        }
        else
        {
            w.BeginStructField(5);
            w.FieldI32(1, NumValues);
            w.FieldI32(2, (int)Encoding);
            w.FieldI32(3, (int)DefinitionLevelEncoding);
            w.FieldI32(4, (int)RepetitionLevelEncoding);
            WriteStatistics(w, 5);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private void WriteStatistics(CompactWriter w, short field)
    {
        if (Statistics is not null)
        {
            w.BeginStructField(field);
            Statistics.Write(w);
            w.EndStruct();
        }
    }

    public static PageHeader Read(CompactReader r)
    {
        var h = new PageHeader();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32: h.Type = (PageType)r.ReadI32(); break;
                case 2 when type == CompactType.I32: h.UncompressedPageSize = r.ReadI32(); break;
                case 3 when type == CompactType.I32: h.CompressedPageSize = r.ReadI32(); break;
                case 5 when type == CompactType.Struct: h.ReadSubHeader(r, v2: false); break;
                case 7 when type == CompactType.Struct: h.ReadSubHeader(r, v2: false); break;
                case 8 when type == CompactType.Struct: h.ReadSubHeader(r, v2: true); break;
                default: r.Skip(type); break;
            }
        }

        return h;
    }

    private void ReadSubHeader(CompactReader r, bool v2)
    {
        HasSubHeader = true;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (type is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                if (v2 && id == 7)
                {
                    IsCompressed = CompactReader.BoolFromType(type);
                }

                continue;
            }

            if (type == CompactType.Struct && id == (v2 ? 8 : 5))
            {
                Statistics = Statistics.Read(r);
                continue;
            }

            if (type != CompactType.I32)
            {
                r.Skip(type);
                continue;
            }

            var value = r.ReadI32();
            switch (v2, id)
            {
                case (_, 1): NumValues = value; break;
                case (false, 2): Encoding = (ParquetEncoding)value; break;
                case (false, 3): DefinitionLevelEncoding = (ParquetEncoding)value; break;
                case (false, 4): RepetitionLevelEncoding = (ParquetEncoding)value; break;
                case (true, 2): NumNulls = value; break;
                case (true, 3): NumRows = value; break;
                case (true, 4): Encoding = (ParquetEncoding)value; break;
                case (true, 5): DefinitionLevelsByteLength = value; break;
                case (true, 6): RepetitionLevelsByteLength = value; break;
            }
        }
    }
}
