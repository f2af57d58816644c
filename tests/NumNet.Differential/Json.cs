using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>Builds JSON in the corpus's input encoding (tests/conformance/README.md, "Encoding of inputs").</summary>
public static class Json
{
    /// <summary>A Python int of any size: an integer literal.</summary>
    public static JsonNode PyInt(BigInteger value) => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>
    /// A Python float: a literal that always has a '.' or an exponent (a bare "1" would be an int), <c>-0.0</c> with its
    /// sign, and <c>{"f": ...}</c> for the non-finite values.
    /// </summary>
    public static JsonNode PyFloat(double value)
    {
        if (double.IsNaN(value))
            return new JsonObject { ["f"] = "nan" };
        if (double.IsInfinity(value))
            return new JsonObject { ["f"] = value > 0 ? "inf" : "-inf" };
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0)
            text += ".0";
        return JsonNode.Parse(text)!;
    }

    /// <summary>A Python complex.</summary>
    public static JsonNode PyComplex(double re, double im) => new JsonObject { ["complex"] = new JsonArray(PyFloat(re), PyFloat(im)) };

    /// <summary>Python bytes: one character per byte (Latin-1).</summary>
    public static JsonNode PyBytes(string latin1) => new JsonObject { ["bytes"] = latin1 };

    /// <summary>A Python tuple.</summary>
    public static JsonNode Tuple(JsonArray items) => new JsonObject { ["tuple"] = items };

    /// <summary>A NumPy scalar of <paramref name="dtype"/> holding <paramref name="value"/>.</summary>
    public static JsonNode Scalar(string dtype, JsonNode? value) => new JsonObject { ["scalar"] = new JsonObject { ["dtype"] = dtype, ["value"] = value } };

    /// <summary>A deep copy (a node can have one parent only).</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>A JSON array of copies of the given nodes.</summary>
    public static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.Select(Copy).ToArray());
}
