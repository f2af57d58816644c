using System.Collections.Concurrent;
using NumNet.DTypes;

namespace NumNet.Casting.Loops;

/// <summary>
/// The one table from (source family, target family) to the factory of its loop, built once. A factory turns the two
/// concrete dtypes (byte orders, sizes, units) into a loop; loops are cached per dtype pair.
/// </summary>
internal static class CastLoopTable
{
    private delegate CastLoop? Factory(DType from, DType to);

    private static readonly int FamilyCount = DTypeRegistry.Families.Length;
    private static readonly Factory?[] Factories = Build();
    private static readonly ConcurrentDictionary<(DType, DType), CastLoop> Cache = new();

    /// <summary>The loop for a cast between two sized dtypes, or null when NumPy defines no such cast.</summary>
    public static CastLoop? Get(DType from, DType to)
    {
        if (Cache.TryGetValue((from, to), out var loop))
            return loop;
        // Not cached: a registered class's descriptors may own storage (StringDType's strings), which a cache entry
        // would keep alive for the life of the process.
        if (RegisteredDTypeClass.Find(from, to) is { } declared)
            return Declared(from, declared);
        loop = Factories[(int)from.Code * FamilyCount + (int)to.Code]?.Invoke(from, to);
        return loop is null ? null : Cache.GetOrAdd((from, to), loop);
    }

    private static Factory?[] Build()
    {
        var table = new Factory?[FamilyCount * FamilyCount];
        foreach (var f in DTypeRegistry.Families)
        {
            foreach (var t in DTypeRegistry.Families)
                table[(int)f.Code * FamilyCount + (int)t.Code] = Choose(f, t);
        }
        return table;
    }

    private static Factory? Choose(DTypeClass from, DTypeClass to)
    {
        bool fromValue = from.ElementType is { IsValueType: true } && !from.IsFlexible;
        bool toValue = to.ElementType is { IsValueType: true } && !to.IsFlexible;
        if (from.Code == DTypeCode.Void || to.Code == DTypeCode.Void)
            return from.Code == to.Code ? static (f, t) => f.ItemSize == t.ItemSize ? new RawCopyLoop(f.ItemSize) : null : null;
        if (from.Code == to.Code && CastSafety.IsTime(from.Code))
            return TimeLoop;
        if (fromValue && toValue)
            return Numeric;
        bool canFail = !to.IsObject() && (from.Code == DTypeCode.Object || CastSafety.IsText(from.Code) || CastSafety.IsTime(to.Code) || CastSafety.IsText(to.Code));
        Factory general = (f, t) => new ElementLoop(to.IsObject() ? ElementAccess.ObjectReader(f) : ElementAccess.Reader(f), ElementAccess.Writer(t), canFail);
        if (from.Code == DTypeCode.DateTime64 && CastSafety.IsText(to.Code))
            return (f, t) => t.Length > 0 ? new ElementLoop(ElementAccess.DateTimeTextReader(f, t.Length), ElementAccess.Writer(t), canFail: true) : general(f, t);
        if (from.Code == DTypeCode.Float64 && to.Code == DTypeCode.Unicode)
            return (f, t) => t.IsNative ? FloatToText(f, t) : general(f, t);
        if (from.Code == DTypeCode.Unicode && to.Code == DTypeCode.Float64)
            return (f, t) => f.IsNative ? TextToFloat(f, t, general(f, t)!) : general(f, t);
        return general;
    }

    // A registered class's cast: a view copies the bytes; otherwise each element is read as its class's getitem gives
    // it, converted by the declaration, and stored by the target's setitem (through the usual writer for built-ins).
    private static CastLoop Declared(DType from, DeclaredCast declared)
    {
        var to = declared.To;
        if (declared.Convert is not { } convert)
            return new RawCopyLoop(from.ItemSize);
        var read = to.IsObject ? ElementAccess.ObjectReader(from) : ElementAccess.Reader(from);
        ElementWriter store = to.Family is RegisteredDTypeClass ? RegisteredWriter(to) : ElementAccess.Writer(to);
        return new ElementLoop((memory, offset) => convert(read(memory, offset)), store, canFail: true);
    }

    private static ElementWriter RegisteredWriter(DType to)
    {
        int size = to.ItemSize;
        return (memory, offset, value) =>
        {
            // Converting into scratch first keeps a failing element from leaving half-written bytes.
            Span<byte> scratch = size <= 256 ? stackalloc byte[size] : new byte[size];
            to.Family.SetBoxed(scratch, value, to);
            scratch.CopyTo(ElementLoop.Element(memory, offset, size));
        };
    }

    private static bool IsObject(this DTypeClass c) => c.Code == DTypeCode.Object;

    // The two text casts that commonly run over whole arrays get loops that skip the per-element string, and long
    // lines of them use every core.
    private static CastLoop FloatToText(DType from, DType to) => new SplitLineLoop(from.IsNative
        ? new Float64ToUnicodeLoop<NativeIO<double>>(to.ItemSize / 4)
        : new Float64ToUnicodeLoop<SwappedIO<double>>(to.ItemSize / 4));

    private static CastLoop TextToFloat(DType from, DType to, CastLoop general) => new SplitLineLoop(to.IsNative
        ? new UnicodeToFloat64Loop<NativeIO<double>>(from.ItemSize / 4, general)
        : new UnicodeToFloat64Loop<SwappedIO<double>>(from.ItemSize / 4, general));

    private static CastLoop? TimeLoop(DType from, DType to)
    {
        var (a, b) = (from.DateTimeMeta!.Value, to.DateTimeMeta!.Value);
        if (a == b || a.IsGeneric)
            return Numeric(from, to);
        bool delta = from.Code == DTypeCode.TimeDelta64;
        return (from.IsNative, to.IsNative) switch
        {
            (true, true) => new TimeUnitLoop<NativeIO<long>, NativeIO<long>>(a, b, delta),
            (true, false) => new TimeUnitLoop<NativeIO<long>, SwappedIO<long>>(a, b, delta),
            (false, true) => new TimeUnitLoop<SwappedIO<long>, NativeIO<long>>(a, b, delta),
            _ => new TimeUnitLoop<SwappedIO<long>, SwappedIO<long>>(a, b, delta),
        };
    }

    private static CastLoop Numeric(DType from, DType to)
    {
        var outer = new SourceVisitor(from, to);
        return from.Family.Accept<SourceVisitor, CastLoop>(ref outer);
    }

    private readonly struct SourceVisitor(DType from, DType to) : IDTypeVisitor<CastLoop>
    {
        public CastLoop Visit<TFrom>() where TFrom : unmanaged
        {
            var inner = new TargetVisitor<TFrom>(from, to);
            return to.Family.Accept<TargetVisitor<TFrom>, CastLoop>(ref inner);
        }

        public CastLoop VisitOther(DTypeClass dtypeClass) => throw new InvalidOperationException($"{dtypeClass.Name} has no element type");
    }

    private readonly struct TargetVisitor<TFrom>(DType from, DType to) : IDTypeVisitor<CastLoop> where TFrom : unmanaged
    {
        // Four instantiations per pair, one per byte-order combination; the JIT compiles only those that run.
        public CastLoop Visit<TTo>() where TTo : unmanaged => (from.IsNative, to.IsNative) switch
        {
            (true, true) => new NumericLoop<TFrom, TTo, NativeIO<TFrom>, NativeIO<TTo>>(),
            (true, false) => new NumericLoop<TFrom, TTo, NativeIO<TFrom>, SwappedIO<TTo>>(),
            (false, true) => new NumericLoop<TFrom, TTo, SwappedIO<TFrom>, NativeIO<TTo>>(),
            _ => new NumericLoop<TFrom, TTo, SwappedIO<TFrom>, SwappedIO<TTo>>(),
        };

        public CastLoop VisitOther(DTypeClass dtypeClass) => throw new InvalidOperationException($"{dtypeClass.Name} has no element type");
    }
}
