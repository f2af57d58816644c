using System.Globalization;
using System.Text;
using NumNet.Formatting;
using static System.FormattableString;

namespace NumNet.IO;

/// <summary>
/// Reads the Python dict literal of a .npy header, e.g. <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3,), }</c>.
/// </summary>
/// <remarks>
/// The header is untrusted text, so it is parsed, never evaluated, and the grammar is deliberately tiny: a dict whose
/// keys are strings and whose values are a string, <c>True</c>/<c>False</c>, or a tuple of non-negative integers.
/// Anything else (lists, calls, names, nested dicts, comments) is rejected with the position where it went wrong.
/// Python 2 era files may carry an <c>L</c> suffix on integers, which is accepted since NumPy accepts it too.
/// </remarks>
internal sealed class HeaderLiteral
{
    private readonly string _text;
    private int _pos;

    private HeaderLiteral(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/> into its key/value pairs, values being string, bool or long[].</summary>
    /// <exception cref="InvalidDataException">The text is not such a dict literal, or repeats a key.</exception>
    public static Dictionary<string, object> ParseDict(string text)
    {
        var parser = new HeaderLiteral(text);
        var result = parser.Dict();
        parser.SkipSpace();
        if (parser._pos != text.Length)
            throw parser.Error("unexpected text after the closing '}'");
        return result;
    }

    private Dictionary<string, object> Dict()
    {
        SkipSpace();
        Expect('{');
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (TryTake('}'))
                return d;
            if (Peek() is not ('\'' or '"'))
                throw Error("expected a quoted key");
            string key = String();
            SkipSpace();
            Expect(':');
            SkipSpace();
            object value = Value();
            if (!d.TryAdd(key, value))
                throw Error(Invariant($"the key {PythonRepr.Repr(key)} appears twice"));
            SkipSpace();
            if (TryTake(','))
                continue;
            SkipSpace();
            Expect('}');
            return d;
        }
    }

    private object Value()
    {
        char c = Peek();
        if (c is '\'' or '"')
            return String();
        if (c == '(')
            return Tuple();
        if (c == '[')
            return new StructuredDescr(BracketedText());
        if (Word("True"))
            return true;
        if (Word("False"))
            return false;
        throw Error("expected a string, True, False or a tuple of integers");
    }

    // A list, kept as its text: in a .npy header only a structured dtype's descr is a list, and it is reported, not
    // parsed. Quotes are skipped so a bracket inside a field name does not count; the scan ends at the header's end.
    private string BracketedText()
    {
        int start = _pos, depth = 0;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is '\'' or '"')
            {
                String();
                continue;
            }
            _pos++;
            if (c is '[' or '(')
                depth++;
            else if (c is ']' or ')' && --depth == 0)
                return _text[start.._pos];
        }
        throw Error("an unterminated list");
    }

    private long[] Tuple()
    {
        Expect('(');
        var items = new List<long>();
        bool sawComma = false;
        while (true)
        {
            SkipSpace();
            if (TryTake(')'))
                break;
            items.Add(Integer());
            SkipSpace();
            if (TryTake(','))
            {
                sawComma = true;
                continue;
            }
            SkipSpace();
            Expect(')');
            break;
        }
        // "(3)" is the integer 3 in Python, not a tuple; NumPy then rejects it as a shape.
        if (items.Count == 1 && !sawComma)
            throw Error("a parenthesized integer is not a tuple; a 1-d shape is written (n,)");
        return items.ToArray();
    }

    private long Integer()
    {
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        if (_pos == start)
            throw Error(Peek() == '-' ? "negative dimensions are not allowed" : "expected a non-negative integer");
        string digits = _text[start.._pos];
        if (_pos < _text.Length && _text[_pos] is 'L' or 'l')
            _pos++;
        // Python rejects leading zeros ("012") in integer literals.
        if (digits.Length > 1 && digits[0] == '0')
            throw Error(Invariant($"'{digits}' is not a Python integer literal"));
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw Error(Invariant($"the dimension {digits} is too large"));
        return value;
    }

    private string String()
    {
        char quote = _text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
                throw Error("unterminated string");
            char c = _text[_pos++];
            if (c == quote)
                return sb.ToString();
            if (c is '\n' or '\r')
                throw Error("line break inside a string");
            if (c == '\\')
            {
                if (_pos >= _text.Length)
                    throw Error("unterminated string");
                char e = _text[_pos++];
                if (e is not ('\\' or '\'' or '"'))
                    throw Error(Invariant($"unsupported escape {PythonRepr.Repr("\\" + e)} in a string"));
                c = e;
            }
            sb.Append(c);
        }
    }

    private bool Word(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            return false;
        int end = _pos + word.Length;
        if (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
            return false;
        _pos = end;
        return true;
    }

    private void SkipSpace()
    {
        // Python's whitespace between tokens; the header ends in spaces and a newline.
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r' or '\f')
            _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private bool TryTake(char c)
    {
        if (Peek() != c)
            return false;
        _pos++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
            throw Error(Invariant($"expected '{c}'"));
    }

    private InvalidDataException Error(string what)
    {
        string near = _pos < _text.Length ? _text.Substring(_pos, Math.Min(20, _text.Length - _pos)) : "end of header";
        return new InvalidDataException(Invariant($"the .npy header is not a valid literal: {what} at position {_pos} (near {PythonRepr.Repr(near)})"));
    }
}

/// <summary>A header value that is a list: a structured dtype's descr (NumPy record arrays), kept as its text.</summary>
/// <param name="Text">The list as written in the header.</param>
internal sealed record StructuredDescr(string Text);
