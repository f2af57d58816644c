using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using NumNet.Casting;
using NumNet.Casting.Loops;
using NumNet.DTypes;
using NumNet.DTypes.Chrono;

namespace NumNet.Creation;

/// <summary>
/// How a NumPy scalar leaf is stored into an element, as NumPy's <c>PyArray_Pack</c>
/// (<c>numpy/_core/src/multiarray/array_coercion.c</c>) decides it: the target dtype's setitem takes the scalar itself
/// only when the target "knows" it (a scalar of the target's own class; any NumPy scalar for a signed integer target;
/// <c>np.str_</c>/<c>np.bytes_</c> for datetime64; datetime64 scalars for <c>S</c>/<c>U</c>, which store <c>str()</c>),
/// otherwise the scalar is cast from its own dtype with the ordinary (unsafe) cast loops: <c>np.float16(-936)</c> into
/// uint16 wraps to 64600, a timedelta64 into float64 gives its count, complex into a real dtype keeps the real part
/// with a ComplexWarning.
/// </summary>
/// <remarks>
/// A NumPy scalar is a <see cref="NumPyScalar"/>, or a .NET value of a type only NumPy scalars have
/// (<see cref="sbyte"/> … <see cref="ulong"/>, <see cref="Half"/>, <see cref="float"/>, <see cref="LongDouble"/>,
/// <see cref="Complex64"/>, <see cref="Complex256"/>, <see cref="DateTime64"/>, <see cref="TimeDelta64"/>). The .NET
/// values that play Python's own scalars (<see cref="double"/>, <see cref="bool"/>, <see cref="string"/>,
/// <see cref="Bytes"/>, <see cref="Complex"/>, <see cref="BigInteger"/>) and the datetime module's keep the setitem
/// path, as NumPy gives every builtin dtype those.
/// </remarks>
internal static class ScalarPack
{
    private static readonly HashSet<Type> NumPyOnlyTypes =
    [
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(nint), typeof(nuint), typeof(Half), typeof(float), typeof(LongDouble), typeof(Complex64), typeof(Complex256),
        typeof(DateTime64), typeof(TimeDelta64),
    ];

    /// <summary>The dtype of <paramref name="value"/> when it is a NumPy scalar; null for anything else.</summary>
    public static DType? OwnDType(object? value) => value switch
    {
        null => null,
        NumPyScalar s => s.DType,
        _ when NumPyOnlyTypes.Contains(value.GetType()) => ScalarDTypes.Of(value),
        _ => null,
    };

    /// <summary>The .NET value of a NumPy scalar (a <see cref="NumPyScalar"/>'s <see cref="NumPyScalar.Value"/>).</summary>
    public static object? Unwrap(object? value) => value is NumPyScalar s ? s.Value : value;

    /// <summary>
    /// True when <paramref name="target"/>'s setitem takes a scalar of dtype <paramref name="own"/> (NumPy's
    /// <c>is_known_scalar_type</c> of the target's class, or the scalar's type being the class's own); false when
    /// NumPy casts the scalar from <paramref name="own"/> instead.
    /// </summary>
    /// <remarks>
    /// A datetime64/timedelta64 scalar of the target's own class is not taken directly: its setitem checks the unit
    /// change under same_kind (<see cref="CheckSetItemRule"/>) first, then converts it (<see cref="SetsWithinClass"/>).
    /// </remarks>
    public static bool TakesDirectly(DType target, DType own) =>
        (target.Code == own.Code && own.DateTimeMeta is null)
        // signed_integers_is_known_scalar_types: int() of any NumPy scalar, with the bounds check of a Python int.
        || target.Kind == 'i'
        // datetime_known_scalar_types: text subclasses are parsed, not cast.
        || (target.Code == DTypeCode.DateTime64 && own.Code is DTypeCode.Unicode or DTypeCode.Bytes)
        // string_known_scalar_types: a datetime64 is stored as str(scalar), cut to the width.
        || (target.Code is DTypeCode.Unicode or DTypeCode.Bytes && own.Code == DTypeCode.DateTime64)
        // A registered class answers for itself (StringDType knows every built-in NumPy scalar type).
        || (target.Family is RegisteredDTypeClass registered && registered.KnowsScalarsOf(own));

    /// <summary>
    /// How every value of <paramref name="type"/> is stored into <paramref name="target"/>, when the type alone decides
    /// it (a NumPy-only .NET type whose dtype does not depend on the value, taken as it is or cast by a numeric line loop
    /// that can neither fail nor warn), so a writer can learn it once for a row of such values.
    /// </summary>
    /// <param name="type">The .NET type of the values.</param>
    /// <param name="target">The result's dtype.</param>
    /// <param name="own">The values' dtype.</param>
    /// <param name="line">The loop casting one value from <paramref name="own"/>; null when the target's setitem takes the value as it is.</param>
    /// <returns>False when the values need the filler's general packing (or are not NumPy scalars).</returns>
    public static bool TryPlanForType(Type type, DType target, [NotNullWhen(true)] out DType? own, out ByteCastLoop? line)
    {
        line = null;
        if (!NumPyOnlyTypes.Contains(type) || !ClrScalarTypes.TryGet(type, out own))
        {
            own = null;
            return false;
        }
        // int() of a complex warns, so only the general path takes complex scalars into signed integers.
        if (TakesDirectly(target, own))
            return !NumericTraits.IsComplex(own.Code);
        line = CastEngine.LineLoop(own, target);
        return line is not null;
    }

    /// <summary>
    /// True when a bare NumPy scalar converted to <paramref name="dtype"/> goes through <c>PyArray_Pack</c> as an element
    /// does; false when NumPy casts it as a 0-d array (no dtype, object, and the signed integers, for which
    /// <c>PyArray_FromAny</c> keeps the cast of <c>PyArray_FromScalar</c>).
    /// </summary>
    public static bool PacksBare(DType? dtype) => dtype is not null && !dtype.IsObject && dtype.Kind != 'i';

    /// <summary>
    /// What the target's setitem is handed for a NumPy scalar it takes directly: the value itself, or for a signed
    /// integer target what Python's <c>int()</c> of the scalar gives (the real part of a complex, with a
    /// ComplexWarning; the count of a datetime64/timedelta64 that Python sees as an int).
    /// </summary>
    /// <exception cref="InvalidCastException">A datetime64/timedelta64 that Python sees as a date, time or NaT.</exception>
    public static object? SetItemArgument(object value, DType own, DType target)
    {
        var v = Unwrap(value);
        if (target.Kind != 'i' || target.Code == own.Code)
            return v;
        switch (v)
        {
            case Complex c:
                WarnComplex();
                return c.Real;
            case Complex64 c:
                WarnComplex();
                return (double)c.Real;
            case Complex256 c:
                WarnComplex();
                return c.Real;
            case DateTime64 d:
                return d.IsNaT ? throw NotAnInt("NoneType")
                    : d.Unit.IsGeneric || d.Unit.Unit > DateTimeUnit.Microseconds ? new BigInteger(d.Value)
                    : throw NotAnInt(d.Unit.Unit <= DateTimeUnit.Days ? "datetime.date" : "datetime.datetime");
            case TimeDelta64 t:
                return t.IsNaT ? throw NotAnInt("NoneType")
                    : t.Unit.IsGeneric || t.Unit.Unit is > DateTimeUnit.Microseconds or DateTimeUnit.Years or DateTimeUnit.Months ? new BigInteger(t.Value)
                    : throw NotAnInt("datetime.timedelta");
            default:
                return v;
        }
    }

    /// <summary>
    /// Raises where the setitem NumPy runs for a scalar the target does not take directly refuses it before the cast:
    /// a datetime64/timedelta64 scalar changes its unit within its own class only under the same_kind rule (NumPy's
    /// <c>convert_pyobject_to_datetime</c>/<c>_timedelta</c>; NaT slips through any rule), so m8[m] into m8[M] raises
    /// where an array cast would not.
    /// </summary>
    /// <exception cref="InvalidCastException">The unit change is not same_kind.</exception>
    public static void CheckSetItemRule(object value, DType own, DType target)
    {
        if (target.Code != own.Code || own.DateTimeMeta is not { } from || Unwrap(value) is DateTime64 { IsNaT: true } or TimeDelta64 { IsNaT: true })
            return;
        var to = target.DateTimeMeta!.Value;
        bool timedelta = target.Code == DTypeCode.TimeDelta64;
        if (UnitCastRules.MinimumCasting(from, to, timedelta) > CastingRule.SameKind)
        {
            string kind = timedelta ? "timedelta64" : "datetime64";
            throw new InvalidCastException($"Cannot cast NumPy {kind} scalar from metadata {from} to {to} according to the rule 'same_kind'");
        }
    }

    /// <summary>
    /// True when the target's setitem converts a scalar of its own class itself once <see cref="CheckSetItemRule"/>
    /// passed: a datetime64 goes through the calendar with no conversion factor (<c>cast_datetime_to_datetime</c>,
    /// <c>numpy/_core/src/multiarray/datetime.c</c>), so <c>np.datetime64('2003', 'Y')</c> into <c>M8[ps]</c> wraps
    /// where an array cast refuses the Y → ps factor. A timedelta64 is scaled by the factor with the overflow check of
    /// NumPy ≥ 2.5 (<c>cast_timedelta_to_timedelta</c>), which names timedelta64 where the array cast's loop names
    /// datetime64 (<c>_strided_to_strided_datetime_cast</c>, <c>dtype_transfer.c</c>).
    /// </summary>
    public static bool SetsWithinClass(DType own, DType target) =>
        own.Code == target.Code && own.Code is DTypeCode.DateTime64 or DTypeCode.TimeDelta64;

    /// <summary>A 0-d array of dtype <paramref name="own"/> holding the NumPy scalar, the source of its cast.</summary>
    public static NDArray Cell(object value, DType own)
    {
        if (value is NumPyScalar s)
            return s.ToNDArray(null, copy: true);
        var cell = NDArray.Allocate(own, [], MemoryOrder.C, zero: true);
        cell.SetValue(value);
        return cell;
    }

    private static void WarnComplex() =>
        Warnings.Warn(NumPyWarningKind.ComplexWarning, "Casting complex values to real discards the imaginary part");

    private static InvalidCastException NotAnInt(string pythonType) =>
        new($"int() argument must be a string, a bytes-like object or a real number, not '{pythonType}'");
}
