using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>
/// NumPy 2's answer for a store into a timedelta64 unit where an element's unit conversion overflows, derived element
/// by element: the overflow computed by the harness, every other element asked of the oracle alone.
/// </summary>
/// <remarks>
/// <para>NumPy ≥ 2.5.0 checks the product of a timedelta64 unit conversion (numpy commit 849a584e06, numpy/numpy#31085:
/// <c>_datetime_scale_with_overflow_check</c> in <c>numpy/_core/src/multiarray/_datetime.h</c> raises OverflowError
/// "Overflow when converting between %s units" when the count is above <c>INT64_MAX / num</c> or below
/// <c>-((INT64_MAX - denom + 1) / num)</c>). A NumPy timedelta64 scalar stored as an item (<c>PyArray_Pack</c> → the
/// setitem → <c>convert_pyobject_to_timedelta</c> → <c>cast_timedelta_to_timedelta</c>, <c>datetime.c</c>) names
/// "timedelta64"; an array cast (<c>_strided_to_strided_datetime_cast</c> in <c>dtype_transfer.c</c>, timedelta64 too)
/// names "datetime64". NumPy 1.24, and so the oracle, wraps the product, and states a later element's error or a
/// wrapped result.</para>
/// <para>The conversion fraction is computed here as NumPy's <c>get_datetime_conversion_factor</c> (<c>datetime.c</c>)
/// defines it: the unit steps (W→D 7, D→h 24, h→m 60, m→s 60, then 1000 each down to as), years and months by the
/// 400-year cycle of 146097 days, the multipliers, reduced; where NumPy's 64-bit arithmetic would wrap, the derivation
/// gives up. A unit step product NumPy refuses ("Integer overflow while computing the conversion factor") and a scalar
/// stored across the years/months ↔ other units barrier (the setitem's same_kind check) fail alike in 1.24, so such an
/// element is asked of the oracle like any other; a NaT passes both in NumPy ≥ 2.4 (numpy commit 02d0964fee), and is
/// not asked.</para>
/// </remarks>
public sealed partial class ElementStoreCorrection
{
    /// <summary>What <see cref="TryDeriveUnitOverflow"/> found.</summary>
    public enum UnitOverflowOutcome
    {
        /// <summary>The case is not one the derivation can follow: the oracle's answer is left to the other rules.</summary>
        NotApplicable,
        /// <summary>Every element is stored without an error in NumPy 2: NumNet's overflow is wrong.</summary>
        NoFailingElement,
        /// <summary>NumPy 2's first failing element was found; the answer holds its error.</summary>
        Derived,
    }

    private const string UnitOverflowMessage = "Overflow when converting between ";

    /// <summary>
    /// NumPy 2's answer for a store into a timedelta64 unit when NumNet raised a unit-conversion overflow: the first
    /// failing element in NumPy 2's order, with an overflow computed here and any other failure asked of the oracle.
    /// </summary>
    /// <param name="answer">The oracle's answer line (with the case's arguments).</param>
    /// <param name="numNetDetail">What the comparison with NumNet reported.</param>
    public (UnitOverflowOutcome Outcome, string? Answer, string? Reason) TryDeriveUnitOverflow(string answer, string numNetDetail)
    {
        var notApplicable = (UnitOverflowOutcome.NotApplicable, (string?)null, (string?)null);
        if (NumNetMessage(numNetDetail)?.StartsWith(UnitOverflowMessage, StringComparison.Ordinal) != true)
            return notApplicable;
        var node = JsonNode.Parse(answer, documentOptions: Deep)!.AsObject();
        if (node["expect"] is not JsonObject expect || node["args"] is not JsonObject args
            || node["call"]?.GetValue<string>() is not ("asarray" or "array" or "astype") || args["dtype"] is not JsonValue target
            || target.GetValueKind() != JsonValueKind.String)
            return notApplicable;
        string call = node["call"]!.GetValue<string>();
        if (DTypeFacts(target.GetValue<string>()) is not { } facts || facts["kind"]?.GetValue<string>() != "m"
            || TimeUnit.FromPair(facts["datetime_unit"]) is not { IsGeneric: false } targetUnit)
            return notApplicable;
        var visits = args["input"] is JsonObject { } bare && bare["scalar"] is not null && call != "astype"
            ? [new Visit(bare, StoreKind.Pack, "(the bare NumPy scalar)")]
            : Elements(call, args);
        if (visits is null || visits.Count == 0 || visits.Any(v => v.How == StoreKind.Text))
            return notApplicable;

        // Each element: the overflow computed here, or (null) a question for the oracle.
        var units = new Dictionary<string, TimeUnit?>(StringComparer.Ordinal);
        var computed = new List<(bool Known, string? Overflow)>();
        var questions = new List<string>();
        foreach (var visit in visits)
        {
            var time = TimeCount(visit, units);
            if (time is { Count: null } || time?.Unit == targetUnit)
            {
                computed.Add((true, null)); // NaT slips through every rule and the factor; the same unit is copied
                continue;
            }
            var fraction = time is { } t && !(visit.How == StoreKind.Pack && t.Unit.CrossesCalendarBarrier(targetUnit))
                ? TimeUnit.Fraction(t.Unit, targetUnit) : ((long Num, long Denom, bool Wraps)?)null;
            if (fraction is { Wraps: true })
                return notApplicable; // NumPy's own 64-bit factor wraps: no trustworthy answer
            if (fraction is { Num: > 0 } f)
            {
                bool overflows = Overflows(time!.Value.Count!.Value, f.Num, f.Denom);
                computed.Add((true, overflows ? UnitOverflowMessage + (visit.How == StoreKind.Pack ? "timedelta64" : "datetime64") + " units" : null));
                continue;
            }
            // Anything else, a scalar across the calendar barrier (the setitem's same_kind check) and a unit step
            // product NumPy refuses ("Integer overflow while computing the conversion factor", the same in 1.24): the
            // oracle answers the element alone.
            if (visit.Value is JsonArray || visit.Value is JsonObject { } w && (w["tuple"] is not null || w["ndarray"] is not null || w["view"] is not null))
                return notApplicable; // a sequence element of an object array: not one element
            computed.Add((false, null));
            questions.Add(Line("asarray", new JsonObject { ["input"] = new JsonArray(visit.Value?.DeepClone()), ["dtype"] = target.GetValue<string>() }));
        }
        var answers = questions.Count > 0 ? ask(questions) : [];
        var elementErrors = new List<JsonObject?>();
        for (int i = 0, q = 0; i < visits.Count; i++)
        {
            if (computed[i].Known)
            {
                elementErrors.Add(computed[i].Overflow is { } m
                    ? new JsonObject { ["error"] = "OverflowError", ["error_base"] = "OverflowError", ["message"] = m, ["dotnet"] = "System.OverflowException" }
                    : null);
                continue;
            }
            if (JsonNode.Parse(answers[q++], documentOptions: Deep)?["expect"] is not JsonObject one)
                return notApplicable; // the oracle cannot answer this element
            elementErrors.Add(one["error"] is null ? null : one);
        }
        // An error of the oracle's that no element raises alone happens before the elements (discovery, arguments, a
        // copy refused, a casting rule): NumPy 2 raises it too, and this derivation does not apply.
        if (expect["error"] is not null && !elementErrors.Any(e => e is not null
                && e["error"]?.GetValue<string>() == expect["error"]!.GetValue<string>() && e["message"]?.GetValue<string>() == expect["message"]?.GetValue<string>()))
            return notApplicable;
        int first = elementErrors.FindIndex(e => e is not null);
        if (first < 0)
            return (UnitOverflowOutcome.NoFailingElement, null, null);
        var error = elementErrors[first]!;
        var (derived, reason) = WithElementError(node, error, $"NumPy 2 stores element by element and checks unit conversions for overflow (NumPy 2.5.0, numpy#31085): the first failing element is #{first} {visits[first].Where} ({Compact(visits[first].Value)}), {error["error"]}: {error["message"]}");
        return (UnitOverflowOutcome.Derived, derived, reason);
    }

    // The count and unit of a timedelta64 element: a NumPy scalar (its value a count, "NaT" or {"td": [count, unit]})
    // or an element of a timedelta64 array ({"td": [count, unit]}); null for anything else.
    private (long? Count, TimeUnit Unit)? TimeCount(Visit visit, Dictionary<string, TimeUnit?> units)
    {
        JsonNode? value = visit.Value;
        TimeUnit? unit = null;
        if (value is JsonObject o && o["scalar"] is JsonObject scalar)
        {
            if (scalar["dtype"]?.GetValue<string>() is not { } spelling || !spelling.TrimStart('<', '>', '=', '|').StartsWith("m8", StringComparison.Ordinal))
                return null;
            if (!units.TryGetValue(spelling, out unit))
                units[spelling] = unit = DTypeFacts(spelling) is { } facts && facts["kind"]?.GetValue<string>() == "m" ? TimeUnit.FromPair(facts["datetime_unit"]) : null;
            value = scalar["value"];
        }
        if (value is JsonObject td && td["td"] is JsonArray pair && pair.Count == 2)
        {
            unit ??= TimeUnit.Parse(pair[1]?.GetValue<string>());
            value = pair[0];
        }
        if (unit is null || value is not JsonValue v)
            return null;
        if (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "NaT")
            return (null, unit.Value);
        return v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long count) ? (count, unit.Value) : null;
    }

    // Whether NumPy >= 2.5 refuses to scale `count` by num/denom (_datetime_scale_with_overflow_check).
    private static bool Overflows(long count, long num, long denom) =>
        count > long.MaxValue / num || count < -((long.MaxValue - denom + 1) / num);

    /// <summary>A datetime64/timedelta64 unit: a base (NumPy's spelling: "Y", "M", "W", "D", "h" … "as", "generic") and a multiplier.</summary>
    internal readonly record struct TimeUnit(string Base, long Count)
    {
        // NumPy's unit order (NPY_DATETIMEUNIT; "B" is the gap of the removed business days) and the number of each
        // unit in the one before it, for the units linear in time.
        private static readonly string[] Order = ["Y", "M", "W", "B", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"];
        private static readonly ulong[] StepFromPrevious = [0, 0, 0, 1, 7, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000];
        private const ulong DaysPer400Years = 146097;
        private static readonly UInt128 Limit56 = (UInt128)1 << 56;

        /// <summary>Whether this is the generic unit.</summary>
        public bool IsGeneric => Base == "generic";

        /// <summary>The unit of an oracle's <c>datetime_unit</c> pair <c>[base, count]</c>.</summary>
        public static TimeUnit? FromPair(JsonNode? pair) =>
            pair is JsonArray { Count: 2 } p && p[0]?.GetValue<string>() is { } b && p[1]?.GetValue<long>() is { } n ? new TimeUnit(b, n) : null;

        /// <summary>The unit of an oracle's value encoding ("s", "7M", "generic").</summary>
        public static TimeUnit? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text))
                return null;
            int digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
                digits++;
            long count = digits == 0 ? 1 : long.Parse(text.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture);
            return new TimeUnit(text[digits..], count);
        }

        /// <summary>Whether a scalar stored from this unit into <paramref name="other"/> crosses years/months ↔ the rest.</summary>
        public bool CrossesCalendarBarrier(TimeUnit other) => !IsGeneric && IsCalendar != other.IsCalendar;

        private bool IsCalendar => Base is "Y" or "M";

        /// <summary>
        /// NumPy's conversion fraction from <paramref name="from"/> to <paramref name="to"/>, reduced; Num 0 where NumPy
        /// refuses the unit step product (2⁵⁶ or more: "Integer overflow while computing the conversion factor"),
        /// Wraps where its 64-bit arithmetic would wrap or a unit is not one it knows (no trustworthy fraction).
        /// </summary>
        public static (long Num, long Denom, bool Wraps) Fraction(TimeUnit from, TimeUnit to)
        {
            var refused = (0L, 0L, false);
            var wraps = (0L, 0L, true);
            if (from.IsGeneric)
                return (1, 1, false);
            int a = Array.IndexOf(Order, from.Base), b = Array.IndexOf(Order, to.Base);
            if (a < 0 || b < 0 || from.Count <= 0 || to.Count <= 0)
                return wraps;
            bool swapped = a > b;
            int coarse = Math.Min(a, b), fine = Math.Max(a, b);
            UInt128 num = 1, denom = 1;
            if (coarse != fine)
            {
                if (coarse == 0 && fine == 1)
                    num = 12;
                else if (coarse <= 1)
                {
                    num = DaysPer400Years;
                    denom = coarse == 0 ? 400u : 400u * 12;
                    if (fine == 2)
                        denom *= 7;
                    else if (Steps(4, fine) is { } perDay)
                        num *= perDay;
                    else
                        return refused;
                }
                else if (Steps(coarse, fine) is { } step)
                    num = step;
                else
                    return refused;
            }
            if (num > ulong.MaxValue)
                return wraps;
            if (swapped)
                (num, denom) = (denom, num);
            num *= (ulong)from.Count;
            denom *= (ulong)to.Count;
            if (num > ulong.MaxValue || denom > ulong.MaxValue)
                return wraps;
            UInt128 gcd = Gcd(num, denom);
            num /= gcd;
            denom /= gcd;
            return num > long.MaxValue || denom > long.MaxValue ? wraps : ((long)num, (long)denom, false);
        }

        // The number of `fine` units in one `coarse` unit, or null when NumPy's running product reaches 2^56.
        private static UInt128? Steps(int coarse, int fine)
        {
            UInt128 product = 1;
            for (int u = coarse + 1; u <= fine; u++)
            {
                product *= StepFromPrevious[u];
                if (product >= Limit56)
                    return null;
            }
            return product;
        }

        private static UInt128 Gcd(UInt128 x, UInt128 y)
        {
            while (y != 0)
                (x, y) = (y, x % y);
            return x;
        }
    }
}
