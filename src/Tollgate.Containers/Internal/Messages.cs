namespace Tollgate.Containers.Internal;

/// <summary>Turns exceptions from transports into one readable line.</summary>
internal static class Messages
{
    /// <summary>The innermost exception's message (the socket or HTTP reason), without type names or stack traces.</summary>
    public static string Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current.Message.Trim();
    }

    /// <summary>The daemon's message from an API error body (<c>{"message":"..."}</c>), else the body itself.</summary>
    public static string FromApiBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no message)";
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? body.Trim();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the body is the message.
        }

        return body.Trim();
    }
}
