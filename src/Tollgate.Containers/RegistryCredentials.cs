namespace Tollgate.Containers;

/// <summary>A user name and password (or token) for a registry. <see cref="ToString"/> never shows the password.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password or access token.</param>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <summary>The user name only.</summary>
    public override string ToString() => $"RegistryCredentials {{ Username = {Username}, Password = *** }}";
}
