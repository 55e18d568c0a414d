using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Llm;
using CurationPipeline.Paradigms;
using CurationPipeline.Reference;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Roles;

/// <summary>
/// What roles build their engines and stages from: the pipeline (none for an evaluation), the reference data, the
/// paradigms, the model hub over the endpoints file (none offline), where calibration rows go, and the engines of the
/// other roles, each built once (<see cref="Engine{T}"/>).
/// </summary>
public abstract class RoleContext
{
    /// <summary>The pipeline of the run; null outside a run.</summary>
    public abstract PipelineDefinition? Definition { get; }

    public abstract ReferenceData Reference { get; }

    public abstract ParadigmRegistry Paradigms { get; }

    /// <summary>The model layer over the endpoints file; null when the roles run offline.</summary>
    public abstract ModelHub? Hub { get; }

    /// <summary>The endpoints file; null when the roles run offline.</summary>
    public abstract EndpointsFile? Endpoints { get; }

    /// <summary>Where the calibration stage writes its rows (the review store, then the calibration table).</summary>
    public abstract ICalibrationSink? CalibrationSink { get; }

    /// <summary>What an unsettled dispute does: the pipeline's review policy, recorded outside a run.</summary>
    public ReviewPolicy Policy => Definition?.ReviewPolicy ?? ReviewPolicy.Recorded;

    /// <summary>The engine of <paramref name="role"/> in this run, built the first time it is asked for.</summary>
    public abstract TEngine Engine<TEngine>(ModelRole<TEngine> role)
        where TEngine : class;

    /// <summary>A client of <paramref name="endpoint"/> (a name or model of the endpoints file) whose calls count under <paramref name="callRole"/>.</summary>
    public IChatClient Client(string endpoint, string callRole) =>
        (Hub ?? throw new InvalidOperationException("no endpoints file: the roles run offline")).GetClient(endpoint, callRole);

    /// <summary>The endpoint of a name or model of the endpoints file.</summary>
    public EndpointOptions Endpoint(string nameOrModel) =>
        (Endpoints ?? throw new InvalidOperationException("no endpoints file: the roles run offline")).Endpoints.First(e => e.Name == nameOrModel || e.Model == nameOrModel);

    /// <summary>Whether the endpoints file has an endpoint of this name or model.</summary>
    public bool HasEndpoint(string nameOrModel) => Endpoints?.Endpoints.Any(e => e.Name == nameOrModel || e.Model == nameOrModel) == true;

    /// <summary><c>name (model)</c> of an endpoint, for the lines that say what an engine is.</summary>
    public string Describe(string nameOrModel) => Endpoint(nameOrModel) is var e ? $"{e.Name} ({e.Model})" : nameOrModel;
}
