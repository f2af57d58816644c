using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NumNet.Conformance;

/// <summary>
/// Turns the JSON encoding of Python inputs into the .NET values that play them in NumNet: Python int →
/// <see cref="BigInteger"/>, float → double, str → string, bytes → <see cref="Bytes"/>, None → null, list →
/// <c>List&lt;object?&gt;</c>, tuple → <c>object?[]</c>, NumPy scalars → typed .NET values, arrays → <see cref="NDArray"/>.
/// </summary>
public static class InputDecoder
{
    /// <summary>
    /// Decodes the top-level input of a creation call: a bare <c>{"scalar": ...}</c> becomes a <see cref="NumPyScalar"/>
    /// (NumPy's cast path for scalars), anything else as <see cref="Decode"/> gives it.
    /// </summary>
    /// <remarks>
    /// NumPy scalars inside lists and tuples become <see cref="NumPyScalar"/>s too, so that an <c>np.float64</c> or
    /// <c>np.complex128</c> element is not taken for the Python float or complex a plain <c>double</c> or
    /// <see cref="Complex"/> plays (NumPy casts the former into an unsigned dtype and parses the latter).
    /// </remarks>
    public static object? DecodeInput(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
            return e.EnumerateArray().Select(DecodeInput).ToList();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("tuple", out var t))
            return t.EnumerateArray().Select(DecodeInput).ToArray();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("scalar", out var s))
            return np.scalar(Decode(s.GetProperty("value")), np.dtype(s.GetProperty("dtype").GetString()!));
        return Decode(e);
    }

    /// <summary>Decodes one input.</summary>
    public static object? Decode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number:
                return DecodeNumber(e);
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(Decode).ToList();
        }
        if (e.TryGetProperty("f", out var f))
            return SpecialFloat(f.GetString()!);
        if (e.TryGetProperty("bytes", out var b))
            return Bytes.FromLatin1(b.GetString()!);
        if (e.TryGetProperty("complex", out var c))
            return new Complex(ToDouble(c[0]), ToDouble(c[1]));
        if (e.TryGetProperty("tuple", out var t))
            return t.EnumerateArray().Select(Decode).ToArray();
        if (e.TryGetProperty("dt", out var dt))
            return dt.GetString();
        if (e.TryGetProperty("td", out var td))
            return DecodeTimeDelta(td);
        if (e.TryGetProperty("scalar", out var s))
            return DecodeScalar(s);
        if (e.TryGetProperty("ndarray", out var nd))
            return ArrayBuilder.Build(nd);
        if (e.TryGetProperty("view", out var v))
            return ArrayBuilder.BuildView(v);
        throw new NotSupportedException($"unknown input encoding {e.GetRawText()}");
    }

    /// <summary>A JSON number: integer literals are Python ints of any size, the rest doubles.</summary>
    public static object DecodeNumber(JsonElement e)
    {
        string raw = e.GetRawText();
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
            return BigInteger.Parse(raw, CultureInfo.InvariantCulture);
        return double.Parse(raw, CultureInfo.InvariantCulture);
    }

    /// <summary>A float encoded as a number or as {"f": "nan"|"inf"|"-inf"}.</summary>
    public static double ToDouble(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number
            ? double.Parse(e.GetRawText(), CultureInfo.InvariantCulture)
            : SpecialFloat(e.GetProperty("f").GetString()!);

    private static double SpecialFloat(string s) => s switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => throw new NotSupportedException($"unknown special float '{s}'"),
    };

    /// <summary>A timedelta64 value encoded as [count or "NaT", unit].</summary>
    private static TimeDelta64 DecodeTimeDelta(JsonElement td)
    {
        var unit = td[1].GetString() == "generic" ? DateTimeMetadata.Generic : DateTimeMetadata.ParseUnit(td[1].GetString()!);
        long count = td[0].ValueKind == JsonValueKind.String ? TimeDeltas.NaT : td[0].GetInt64();
        return new TimeDelta64(count, unit);
    }

    /// <summary>A NumPy scalar: the .NET value of that dtype (read back from a one-element array of it).</summary>
    private static object? DecodeScalar(JsonElement s)
    {
        var dtype = np.dtype(s.GetProperty("dtype").GetString()!);
        var value = Decode(s.GetProperty("value"));
        var cell = np.zeros([], dtype);
        cell.SetValue(value);
        return cell.Item();
    }
}
