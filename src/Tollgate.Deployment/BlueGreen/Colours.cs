namespace Tollgate.Deployment.BlueGreen;

/// <summary>Colour helpers: the label text and the other colour.</summary>
public static class Colours
{
    /// <summary>The other colour.</summary>
    public static Colour Other(this Colour colour) => colour == Colour.Blue ? Colour.Green : Colour.Blue;

    /// <summary>The label value, <c>blue</c> or <c>green</c>.</summary>
    public static string Label(this Colour colour) => colour == Colour.Blue ? "blue" : "green";

    /// <summary>Reads a label value; null for anything else.</summary>
    public static Colour? Parse(string? label) => label switch
    {
        "blue" => Colour.Blue,
        "green" => Colour.Green,
        _ => null,
    };
}
