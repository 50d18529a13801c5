namespace Tollgate.Containers;

/// <summary>A base image provided from the host's .NET.</summary>
/// <param name="Reference">Its tag, e.g. <c>localhost/tollgate/dotnet-runtime:10.0.12</c>.</param>
/// <param name="Id">Its image id.</param>
/// <param name="Built">Whether it was built now (false: it was already there for this .NET version).</param>
public sealed record BaseImage(string Reference, string Id, bool Built);
