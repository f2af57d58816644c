using System.Globalization;
using System.Numerics;
using NumNet.DTypes.Builtin;
using NumNet.DTypes.Discovery;
using NumNet.DTypes.Promotion;
using NumNet.DTypes.Text;

namespace NumNet.DTypes;

/// <summary>
/// The built-in families and their canonical descriptors, built once. This is the one table that knows every
/// family: adding a dtype means adding its family here and its file in <c>Builtin/</c>.
/// </summary>
internal static class DTypeRegistry
{
    public static readonly FixedSizeClass<bool> BoolClass = new(DTypeCode.Bool, 'b', '?', "bool", 1, 1, (o, _) => ScalarCoercion.ToBool(o))
        { Discovery = new FixedDiscovery(typeof(bool)), Promotion = new BuiltinRule(0), Text = new NumberText<bool>(5, b => b ? "True" : "False") };
    public static readonly FixedSizeClass<sbyte> Int8Class = Int<sbyte>(DTypeCode.Int8, 'b', "int8", typeNumber: 1, width: 4);
    public static readonly FixedSizeClass<byte> UInt8Class = UInt<byte>(DTypeCode.UInt8, 'B', "uint8", typeNumber: 2, width: 3);
    public static readonly FixedSizeClass<short> Int16Class = Int<short>(DTypeCode.Int16, 'h', "int16", typeNumber: 3, width: 6);
    public static readonly FixedSizeClass<ushort> UInt16Class = UInt<ushort>(DTypeCode.UInt16, 'H', "uint16", typeNumber: 4, width: 5);
    public static readonly FixedSizeClass<int> Int32Class = Int<int>(DTypeCode.Int32, 'i', "int32", typeNumber: 5, width: 11);
    public static readonly FixedSizeClass<uint> UInt32Class = UInt<uint>(DTypeCode.UInt32, 'I', "uint32", typeNumber: 6, width: 10);
    public static readonly FixedSizeClass<long> Int64Class = Int<long>(DTypeCode.Int64, 'l', "int64", typeNumber: 7, width: 21, typeof(nint));
    public static readonly FixedSizeClass<ulong> UInt64Class = UInt<ulong>(DTypeCode.UInt64, 'L', "uint64", typeNumber: 8, width: 20, typeof(nuint));
    public static readonly FixedSizeClass<Half> Float16Class = new(DTypeCode.Float16, 'f', 'e', "float16", 2, 2, (o, _) => HalfBits.FromDouble(ScalarCoercion.ToDouble(o)))
        { Discovery = new FixedDiscovery(typeof(Half)), Promotion = new BuiltinRule(23), Text = new NumberText<Half>(32, FloatText.Scalar) };
    public static readonly FixedSizeClass<float> Float32Class = new(DTypeCode.Float32, 'f', 'f', "float32", 4, 4, (o, _) => (float)ScalarCoercion.ToDouble(o))
        { Discovery = new FixedDiscovery(typeof(float)), Promotion = new BuiltinRule(11), Text = new NumberText<float>(32, FloatText.Scalar) };
    public static readonly FixedSizeClass<double> Float64Class = new(DTypeCode.Float64, 'f', 'd', "float64", 8, 8, (o, _) => ScalarCoercion.ToDouble(o))
        { Discovery = new FixedDiscovery(typeof(double)), Promotion = new BuiltinRule(12), Text = new NumberText<double>(32, FloatText.Scalar) };
    public static readonly FixedSizeClass<LongDouble> Float128Class = new(DTypeCode.Float128, 'f', 'g', "float128", 16, 16, (o, _) => ScalarCoercion.ToLongDouble(o))
        { Discovery = new FixedDiscovery(typeof(LongDouble)), Promotion = new BuiltinRule(13), Text = new NumberText<LongDouble>(48, FloatText.Scalar) };
    public static readonly FixedSizeClass<Complex64> Complex64Class = new(DTypeCode.Complex64, 'c', 'F', "complex64", 4, 4,
        (o, _) => { var c = ScalarCoercion.ToComplex(o); return new Complex64((float)c.Real, (float)c.Imaginary); })
        { Discovery = new FixedDiscovery(typeof(Complex64)), Promotion = new BuiltinRule(14), Text = new NumberText<Complex64>(64, z => FloatText.ComplexScalar(z.Real, z.Imaginary)) };
    public static readonly FixedSizeClass<Complex> Complex128Class = new(DTypeCode.Complex128, 'c', 'D', "complex128", 8, 8, (o, _) => ScalarCoercion.ToComplex(o))
        { Discovery = new FixedDiscovery(typeof(Complex)), Promotion = new BuiltinRule(15), Text = new NumberText<Complex>(64, z => FloatText.ComplexScalar(z.Real, z.Imaginary)) };
    public static readonly FixedSizeClass<Complex256> Complex256Class = new(DTypeCode.Complex256, 'c', 'G', "complex256", 16, 16, (o, _) => ScalarCoercion.ToComplex256(o))
        { Discovery = new FixedDiscovery(typeof(Complex256)), Promotion = new BuiltinRule(16), Text = new NumberText<Complex256>(96, z => FloatText.ComplexScalar(z.Real, z.Imaginary)) };
    public static readonly FixedSizeClass<long> DateTime64Class = new(DTypeCode.DateTime64, 'M', 'M', "datetime64", 8, 8,
        (o, d) => ScalarCoercion.ToDateTimeCount(o, d), (v, d) => new DateTime64(v, d.DateTimeMeta!.Value))
        {
            Discovery = new TimeDiscovery(typeof(DateTime64), (typeof(DateTime), DateTimeUnit.Microseconds),
                (typeof(DateTimeOffset), DateTimeUnit.Microseconds), (typeof(DateOnly), DateTimeUnit.Days)),
            Promotion = new TimeRule(21),
            Text = new IsoDateText(),
        };
    public static readonly FixedSizeClass<long> TimeDelta64Class = new(DTypeCode.TimeDelta64, 'm', 'm', "timedelta64", 8, 8,
        (o, d) => ScalarCoercion.ToTimeDeltaCount(o, d), (v, d) => new TimeDelta64(v, d.DateTimeMeta!.Value))
        {
            Discovery = new TimeDiscovery(typeof(TimeDelta64), (typeof(TimeSpan), DateTimeUnit.Microseconds)),
            Promotion = new TimeRule(22),
            Text = new TimeDeltaText(),
        };
    public static readonly ObjectClass ObjectClass = new() { Discovery = new NoDiscovery(), Promotion = new ObjectRule(17), Text = new DataDependentText() };
    public static readonly BytesClass BytesClass = new() { Discovery = new BytesDiscovery(), Promotion = new StringRule(18), Text = new OwnLengthText() };
    public static readonly UnicodeClass UnicodeClass = new() { Discovery = new UnicodeDiscovery(), Promotion = new StringRule(19), Text = new OwnLengthText() };
    public static readonly VoidClass VoidClass = new() { Discovery = new NoDiscovery(), Promotion = new VoidRule(20), Text = new OwnLengthText() };

    /// <summary>Every family, indexed by <see cref="DTypeCode"/>.</summary>
    public static readonly DTypeClass[] Families =
    [
        BoolClass, Int8Class, UInt8Class, Int16Class, UInt16Class, Int32Class, UInt32Class, Int64Class, UInt64Class,
        Float16Class, Float32Class, Float64Class, Float128Class, Complex64Class, Complex128Class, Complex256Class,
        ObjectClass, BytesClass, UnicodeClass, VoidClass, DateTime64Class, TimeDelta64Class,
    ];

    /// <summary>
    /// The classes that register themselves (NumPy's non-legacy DTypes): each brings its slots
    /// (<see cref="RegisteredDTypeClass"/>) and has no row in the tables above, which know only the built-in families.
    /// </summary>
    public static readonly RegisteredDTypeClass[] Registered = [Strings.StringDTypeClass.Instance];

    /// <summary>The native-order descriptor of each fixed-size family (generic unit for datetimes, size 0 for S/U/V).</summary>
    public static readonly DType[] Canonical = BuildCanonical();

    /// <summary>The native-order descriptor of a family.</summary>
    public static DType Get(DTypeCode code) => Canonical[(int)code];

    private static DType[] BuildCanonical()
    {
        var result = new DType[Families.Length];
        foreach (var family in Families)
        {
            DateTimeMetadata? unit = family.Code is DTypeCode.DateTime64 or DTypeCode.TimeDelta64
                ? new DateTimeMetadata(DateTimeUnit.Generic, 1)
                : null;
            result[(int)family.Code] = new DType(family, family.FixedSize, '=', unit);
        }
        return result;
    }

    private static FixedSizeClass<T> Int<T>(DTypeCode code, char typeChar, string name, int typeNumber, int width, params Type[] alsoKnown) where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        return new FixedSizeClass<T>(code, 'i', typeChar, name, size, size, (o, d) => ScalarCoercion.ToInteger<T>(o, d))
        {
            Discovery = new FixedDiscovery([typeof(T), .. alsoKnown]),
            Promotion = new BuiltinRule(typeNumber),
            Text = new NumberText<T>(width, v => v.ToString(null, CultureInfo.InvariantCulture)),
        };
    }

    private static FixedSizeClass<T> UInt<T>(DTypeCode code, char typeChar, string name, int typeNumber, int width, params Type[] alsoKnown) where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        return new FixedSizeClass<T>(code, 'u', typeChar, name, size, size, (o, d) => ScalarCoercion.ToInteger<T>(o, d))
        {
            Discovery = new FixedDiscovery([typeof(T), .. alsoKnown]),
            Promotion = new BuiltinRule(typeNumber),
            Text = new NumberText<T>(width, v => v.ToString(null, CultureInfo.InvariantCulture)),
        };
    }
}
