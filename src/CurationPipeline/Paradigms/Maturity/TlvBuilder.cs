using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// TLV (L2, Type B, boolean): a record's time facts (fields <c>admission_time</c>, <c>discharge_time</c>,
/// <c>length_of_stay</c> in days, <c>onset_date</c>, <c>complaint</c> with its stated duration in <c>duration</c> such as
/// <c>3天</c> or <c>2个月</c>, optional <c>operation_time</c> and <c>operation</c>). Half the records are shown as they are;
/// in the others one relation is broken on purpose. The gold is whether every relation holds, checked by rule on the
/// values shown, so a record that is wrong on its own is false too; the broken relations are in <c>violated_relations</c>.
/// </summary>
public sealed partial class TlvBuilder() : ScenarioBuilder("TLV", "Time Logic Validation", ScenarioType.B, "boolean")
{
    public const string DischargeAfterAdmission = "discharge_after_admission";
    public const string OperationDuringStay = "operation_during_stay";
    public const string LengthOfStay = "length_of_stay";
    public const string OnsetMatchesComplaint = "onset_matches_complaint";

    public static readonly IReadOnlyList<string> Relations = [DischargeAfterAdmission, OperationDuringStay, LengthOfStay, OnsetMatchesComplaint];

    private const string Format = "yyyy-MM-dd HH:mm";

    public override ScenarioDraft Build(SourceRecord record, Random random, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(random);
        var facts = TimeFacts.Read(record);
        string? planted = null;
        if (random.Next(2) == 1)
        {
            var candidates = Relations.Where(r => r != OperationDuringStay || facts.Operation is not null).ToList();
            planted = candidates[random.Next(candidates.Count)];
            facts = Plant(facts, planted, random);
        }

        var violated = Violations(facts);
        var context = Render(facts);
        return new ScenarioDraft("请核对以下病历摘要中的时间逻辑：出院时间不早于入院时间，手术时间在住院期间，住院天数等于出院日期减入院日期，主诉病程与现病史记载的起病日期到入院日期的间隔相符（以天计允许相差1天，以月计按30天折算取整）。全部相符回答true，存在任何矛盾回答false。",
            context, violated.Count == 0 ? "true" : "false")
        {
            Facts = EngineItems.Attributes(("planted_relation", planted ?? "none"), ("violated_relations", violated.Count == 0 ? "none" : string.Join(",", violated))),
            Keep = [.. context.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
            Explanation = violated.Count == 0 ? "时间关系全部相符。" : "不相符的时间关系：" + string.Join("、", violated),
        };
    }

    /// <summary>The relations that do not hold, in <see cref="Relations"/> order.</summary>
    public static IReadOnlyList<string> Violations(TimeFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var list = new List<string>();
        if (f.Discharge < f.Admission)
        {
            list.Add(DischargeAfterAdmission);
        }

        if (f.Operation is { } op && (op < f.Admission || op > f.Discharge))
        {
            list.Add(OperationDuringStay);
        }

        if ((f.Discharge.Date - f.Admission.Date).Days != f.LengthOfStay)
        {
            list.Add(LengthOfStay);
        }

        var actual = (f.Admission.Date - f.Onset.Date).Days;
        var fits = f.DurationUnit == "天" ? Math.Abs(actual - f.Duration) <= 1 : (int)Math.Round(actual / 30.0, MidpointRounding.AwayFromZero) == f.Duration;
        if (!fits)
        {
            list.Add(OnsetMatchesComplaint);
        }

        return list;
    }

    private static TimeFacts Plant(TimeFacts f, string relation, Random random) => relation switch
    {
        DischargeAfterAdmission => f with { Discharge = f.Admission.AddDays(-random.Next(1, 6)).AddHours(random.Next(1, 8)) },
        OperationDuringStay => f with { Operation = random.Next(2) == 0 ? f.Admission.AddDays(-random.Next(2, 8)) : f.Discharge.AddDays(random.Next(2, 8)) },
        LengthOfStay => f with { LengthOfStay = ShiftedStay(f.LengthOfStay, random) },
        _ => f.DurationUnit == "天"
            ? f with { Duration = f.Duration + random.Next(4, 12) }
            : f with { Duration = f.Duration + random.Next(2, 5) },
    };

    private static int ShiftedStay(int stay, Random random)
    {
        var delta = random.Next(2, 6);
        return random.Next(2) == 0 || stay < delta ? stay + delta : stay - delta;
    }

    private static string Render(TimeFacts f)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"入院时间：{f.Admission.ToString(Format, CultureInfo.InvariantCulture)}\n")
            .Append(CultureInfo.InvariantCulture, $"主诉：{f.Complaint}{f.Duration}{f.DurationUnit}。\n")
            .Append(CultureInfo.InvariantCulture, $"现病史：患者于{f.Onset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}起出现{f.Complaint}，逐渐加重，遂来我院就诊。\n");
        if (f.Operation is { } op)
        {
            text.Append(CultureInfo.InvariantCulture, $"手术记录：{op.ToString(Format, CultureInfo.InvariantCulture)}在{f.OperationName}。\n");
        }

        return text
            .Append(CultureInfo.InvariantCulture, $"出院时间：{f.Discharge.ToString(Format, CultureInfo.InvariantCulture)}\n")
            .Append(CultureInfo.InvariantCulture, $"住院天数：{f.LengthOfStay}天")
            .ToString();
    }

    /// <summary>The time facts of a record.</summary>
    public sealed record TimeFacts(DateTime Admission, DateTime Discharge, int LengthOfStay, DateTime Onset, string Complaint, int Duration, string DurationUnit,
        DateTime? Operation, string? OperationName)
    {
        public static TimeFacts Read(SourceRecord record)
        {
            var duration = RecordFields.Required(record, "duration");
            var m = DurationPattern().Match(duration);
            if (!m.Success)
            {
                throw new RecordRejectedException($"duration '{duration}' is not a number of days or months (3天, 2个月)", "duration");
            }

            DateTime? operation = record.Field("operation_time") is null ? null : Time(record, "operation_time");
            return new TimeFacts(Time(record, "admission_time"), Time(record, "discharge_time"), Int(record, "length_of_stay"), Time(record, "onset_date"),
                RecordFields.Required(record, "complaint"), int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value.Length > 1 ? "个月" : m.Groups[2].Value,
                operation, operation is null ? null : RecordFields.Required(record, "operation"));
        }

        private static DateTime Time(SourceRecord record, string field)
        {
            var text = RecordFields.Required(record, field);
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t
                : throw new RecordRejectedException($"'{text}' is not a date or date and time", field);
        }

        private static int Int(SourceRecord record, string field)
        {
            var text = RecordFields.Required(record, field);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new RecordRejectedException($"'{text}' is not a whole number of days", field);
        }
    }

    [GeneratedRegex(@"^\s*(\d+)\s*(天|个月|月)\s*$")]
    private static partial Regex DurationPattern();
}
