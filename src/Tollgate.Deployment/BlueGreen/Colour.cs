namespace Tollgate.Deployment.BlueGreen;

/// <summary>One of the two slots a blue-green release runs in.</summary>
public enum Colour
{
    /// <summary>Blue.</summary>
    Blue,

    /// <summary>Green.</summary>
    Green,
}
