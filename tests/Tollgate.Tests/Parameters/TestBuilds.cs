using System.Runtime.CompilerServices;

namespace Tollgate.Tests.Parameters;

public enum DeployTarget
{
    Staging,
    Production,
    LocalContainer,
}

/// <summary>A component interface in the shape of the stage components: parameters read through TryGetValue.</summary>
public interface ICoverageComponent
{
    [Parameter("Minimum line coverage in percent.")]
    double? CoverageThreshold => TryGetValue<double?>() ?? 80;

    [Parameter("Model used by the judge.")]
    string JudgeModel => TryGetValue<string>() ?? "gpt-4o-mini";

    T? TryGetValue<T>([CallerMemberName] string parameterName = "");
}

/// <summary>A second component, for duplicate-name detection.</summary>
public interface IOtherCoverageComponent
{
    [Parameter("Duplicate of ICoverageComponent.CoverageThreshold.")]
    double? COVERAGETHRESHOLD => null;
}

/// <summary>Answers TryGetValue the way the engine does: from the resolved parameters.</summary>
public abstract class ResolvingBuild
{
    public ResolvedParameters Resolved { get; set; } = ResolvedParameters.Empty;

    public T? TryGetValue<T>([CallerMemberName] string parameterName = "") => Resolved.Get<T>(parameterName);
}

public class BaseBuild : ResolvingBuild
{
    [Parameter("Inherited from the base class.")]
    public string? Configuration { get; set; } = "Debug";
}

public class SampleBuild : BaseBuild, ICoverageComponent
{
    public SampleBuild(string? imageTag = null) => this.imageTag = imageTag;

    [Parameter("How many evaluation jobs run at once.")]
    public int ParallelJobs { get; set; } = 2;

    [Parameter("API key of the model provider."), Secret, Required]
    public string? ApiKey { get; set; }

    [Parameter("Where to deploy.")]
    public DeployTarget Environment { get; set; } = DeployTarget.Staging;

    [Parameter("Skip the cache.")]
    public bool NoCache { get; set; }

    [Parameter("Timeout of one evaluation.")]
    public TimeSpan EvalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Parameter("Registry to push to.")]
    public Uri? Registry { get; set; }

    [Parameter("Where reports go.")]
    public AbsolutePath? ReportDirectory { get; set; }

    [Parameter("Suites to run.")]
    public string[] Suites { get; set; } = ["smoke"];

    [Parameter("Ports to probe.", Separator = ';')]
    public IReadOnlyList<int> Ports { get; set; } = [];

    [Parameter("Score weights.")]
    public List<double>? Weights { get; set; }

    [Parameter("Tag of the image.")]
    private readonly string? imageTag;

    [Parameter("Budget in dollars.")]
    public decimal Budget { get; init; } = 1.5m;

    [Parameter("Seed for sampling.")]
    public long Seed { get; } = 42;

    public string? ImageTag => imageTag;
}

public class DuplicateAcrossInterfacesBuild : ResolvingBuild, ICoverageComponent, IOtherCoverageComponent
{
}

public class ClassOverridesComponentBuild : ResolvingBuild, ICoverageComponent
{
    [Parameter("The class's own threshold.")]
    public double? CoverageThreshold { get; set; } = 90;
}

public class RenamedParameterBuild
{
    [Parameter("Named explicitly.", Name = "LlmApiBase")]
    public Uri? Endpoint { get; set; }
}

public class UnsupportedTypeBuild
{
    [Parameter("A type the converter cannot read.")]
    public Dictionary<string, string>? Labels { get; set; }
}

public class ThrowingDefaultBuild
{
    private string? _state;

    public void Prepare(string state) => _state = state;

    [Parameter("Reads state that does not exist yet.")]
    public string Computed => _state ?? throw new InvalidOperationException("not ready");
}
