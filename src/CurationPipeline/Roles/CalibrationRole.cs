using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Llm;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Roles;

/// <summary>
/// <c>calibration</c>: the panel that labels difficulty (stage <c>calibrate</c>), its open-ended answers scored by the
/// <paramref name="judges"/>. Offline, five deterministic baselines; over endpoints, one solver per named endpoint, but
/// only with at least two (a panel needs different models): otherwise the offline panel stays. The evaluator takes the
/// offline panel's solvers as baseline models (<c>offline:NAME</c>).
/// </summary>
public sealed class CalibrationRole(JudgeRole judges) : ModelRole<IReadOnlyList<ICalibrationSolver>>
{
    public override string Name => "calibration";

    public override StageName? Stage => StageName.Calibrate;

    public override RoleEngine<IReadOnlyList<ICalibrationSolver>> Offline(RoleContext context)
    {
        var panel = OfflinePanel.Create(context.Reference);
        return new(panel, "offline panel of five deterministic baselines (no model): " + string.Join(", ", panel.Select(s => s.Name)));
    }

    public override RoleEngine<IReadOnlyList<ICalibrationSolver>> Llm(RoleContext context, RoleEndpoints endpoints)
    {
        if (endpoints.Named.Count < 2)
        {
            return new(OfflinePanel.Create(context.Reference),
                "offline panel of five deterministic baselines (roles.calibration names fewer than two endpoints; a panel needs different models)");
        }

        IReadOnlyList<ICalibrationSolver> panel = [.. endpoints.Named.Select(n => new LlmCalibrationSolver(context.Client(n, CallRole), n))];
        return new(panel, $"LLM panel of {panel.Count}: " + string.Join(", ", endpoints.Named.Select(context.Describe))
            + (panel.Count == PaperConstants.PanelSize ? "" : " (the method's rules assume five)"));
    }

    public override IItemStage CreateStage(RoleContext context)
    {
        var panel = context.Engine(this);
        return new CalibrationStage(panel, context.Engine(judges), context.Policy, context.CalibrationSink);
    }
}
