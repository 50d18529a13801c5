using System.Text;

namespace Tollgate.Evaluation;

/// <summary>Masks secrets line by line on the way to the inner writer, so reports can stream without holding the whole text.</summary>
internal sealed class MaskingTextWriter(TextWriter inner, SecretMasker masker) : TextWriter(inner.FormatProvider)
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            FlushLine();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        int newline;
        while ((newline = value.IndexOf('\n', start)) >= 0)
        {
            _line.Append(value, start, newline - start + 1);
            FlushLine();
            start = newline + 1;
        }

        _line.Append(value, start, value.Length - start);
    }

    public override void Flush()
    {
        FlushLine();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushLine()
    {
        if (_line.Length > 0)
        {
            inner.Write(masker.Apply(_line.ToString()));
            _line.Clear();
        }
    }
}
