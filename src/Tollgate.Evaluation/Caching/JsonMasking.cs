using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// Masks every string (and property name) in a JSON tree before it is written, so the serializer's escaping
/// (<c>+</c> as <c>\u002B</c>, <c>&lt;</c> as <c>\u003C</c>) can never hide a secret from the masker.
/// </summary>
internal static class JsonMasking
{
    /// <summary>Returns <paramref name="node"/> with the secrets of <paramref name="masker"/> replaced in every string.</summary>
    public static JsonNode? Mask(JsonNode? node, SecretMasker? masker)
    {
        if (masker is null || masker.Secrets.IsEmpty || node is null)
        {
            return node;
        }

        return node switch
        {
            // Each level builds new nodes and leaves are cloned below, so children are not cloned first (that copied every
            // subtree once per level above it).
            JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(masker.Apply(p.Key), Mask(p.Value, masker)))),
            JsonArray array => new JsonArray([.. array.Select(item => Mask(item, masker))]),
            JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(masker.Apply(text)),
            _ => node.DeepClone(),
        };
    }
}
