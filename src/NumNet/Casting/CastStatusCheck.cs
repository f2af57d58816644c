using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NumNet.DTypes;

namespace NumNet.Casting;

/// <summary>
/// NumPy's floating-point status check after a cast loop (<c>npy_get_floatstatus_barrier</c>, then a RuntimeWarning
/// "invalid value encountered in cast" or "overflow encountered in cast"). .NET cannot read the processor's status
/// flags, so the engine asks this check about each block of source values right after the loop converted them, while
/// they are still in cache: one vectorised pass over the block, nothing per element in the loops themselves.
/// </summary>
internal abstract class CastStatusCheck
{
    private protected CastStatusCheck(CastStatusRule rule)
    {
        Rule = rule;
        Probe = new CastStatusProbe(rule);
    }

    /// <summary>The rule: what is reported and for which values.</summary>
    public CastStatusRule Rule { get; }

    /// <summary>The probe the vector loops of this cast fill in (one per cast, used by one thread).</summary>
    public CastStatusProbe Probe { get; }

    /// <summary>NumPy's warning text for what this check reports.</summary>
    public string Message => Rule.Status == CastStatus.Invalid ? "invalid value encountered in cast" : "overflow encountered in cast";

    /// <summary>The check for a cast between two dtypes, or null when no value can set a status.</summary>
    public static CastStatusCheck? For(DType from, DType to)
    {
        if (CastStatusRule.For(from.Code, to.Code) is not { } rule)
            return null;
        var builder = new Builder(rule, from.IsNative);
        return from.Family.Accept<Builder, CastStatusCheck?>(ref builder);
    }

    /// <summary>True when some of the <paramref name="count"/> source elements at <paramref name="src"/> (<paramref name="stride"/> bytes apart) sets the status.</summary>
    public abstract bool AnyReported(ref byte src, nint stride, nint count);

    private readonly struct Builder(CastStatusRule rule, bool native) : IDTypeVisitor<CastStatusCheck?>
    {
        public CastStatusCheck? Visit<T>() where T : unmanaged => new ValueCheck<T>(rule, native);

        public CastStatusCheck? VisitOther(DTypeClass dtypeClass) => null;
    }
}

/// <summary>The check over elements of <typeparamref name="T"/>: a float, a complex number or an integer.</summary>
internal sealed class ValueCheck<T>(CastStatusRule rule, bool native) : CastStatusCheck(rule) where T : unmanaged
{
    private static bool IsComplex => typeof(T) == typeof(Complex) || typeof(T) == typeof(Complex64);

    public override bool AnyReported(ref byte src, nint stride, nint count)
    {
        if (native && stride == Unsafe.SizeOf<T>() && Vector256.IsHardwareAccelerated)
        {
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
                return AnyInVector(ref src, count);
            if (IsInteger)
                return AnyIntegerBeyond(ref src, count);
        }
        return AnyScalar(ref src, stride, count);
    }

    private bool AnyScalar(ref byte src, nint stride, nint count)
    {
        for (nint i = 0; i < count; i++)
        {
            ref byte element = ref Unsafe.Add(ref src, i * stride);
            var (real, imaginary) = Read(ref element);
            if (Reported(real) || Rule.BothParts && Reported(imaginary))
                return true;
        }
        return false;
    }

    private bool Reported(double v) => Rule.Status == CastStatus.Invalid
        ? !(v > Rule.Low && v < Rule.High)
        : Math.Abs(v) >= Rule.High && double.IsFinite(v);

    // A contiguous native line of doubles or floats, four doubles per test.
    private bool AnyInVector(ref byte first, nint count)
    {
        var lanes = Probe.Lanes;
        int perVector = 32 / Unsafe.SizeOf<T>();
        nint i = 0;
        var found = Vector256<double>.Zero;
        for (; i <= count - perVector; i += perVector)
        {
            ref byte at = ref Unsafe.Add(ref first, i * Unsafe.SizeOf<T>());
            found |= typeof(T) == typeof(double)
                ? lanes.Reported(Unsafe.ReadUnaligned<Vector256<double>>(ref at))
                : lanes.Reported(Unsafe.ReadUnaligned<Vector256<float>>(ref at));
        }
        if (found != Vector256<double>.Zero)
            return true;
        for (; i < count; i++)
        {
            if (Reported(ToDoubles(Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref first, i * Unsafe.SizeOf<T>()))).Item1))
                return true;
        }
        return false;
    }

    private static bool IsInteger =>
        typeof(T) == typeof(int) || typeof(T) == typeof(uint) || typeof(T) == typeof(long) || typeof(T) == typeof(ulong) || typeof(T) == typeof(ushort);

    // A contiguous native line of integers (whose only status is overflow into float16): its extremes, found with one
    // min and one max per vector, decide.
    private bool AnyIntegerBeyond(ref byte first, nint count)
    {
        int perVector = Vector256<T>.Count;
        if (count < perVector)
            return AnyScalar(ref first, Unsafe.SizeOf<T>(), count);
        var low = Vector256.LoadUnsafe(ref Unsafe.As<byte, T>(ref first));
        var high = low;
        nint i = perVector;
        for (; i <= count - perVector; i += perVector)
        {
            var x = Vector256.LoadUnsafe(ref Unsafe.As<byte, T>(ref first), (nuint)i);
            low = Vector256.Min(low, x);
            high = Vector256.Max(high, x);
        }
        for (int lane = 0; lane < perVector; lane++)
        {
            if (Reported(ToDoubles(low.GetElement(lane)).Item1) || Reported(ToDoubles(high.GetElement(lane)).Item1))
                return true;
        }
        return AnyScalar(ref Unsafe.Add(ref first, i * Unsafe.SizeOf<T>()), Unsafe.SizeOf<T>(), count - i);
    }

    // One element as doubles (its imaginary part 0 unless complex), byte-swapped first when the dtype is not native.
    private (double Real, double Imaginary) Read(ref byte element)
    {
        T value;
        if (native)
        {
            value = Unsafe.ReadUnaligned<T>(ref element);
        }
        else
        {
            Span<byte> swapped = stackalloc byte[Unsafe.SizeOf<T>()];
            MemoryMarshal.CreateReadOnlySpan(ref element, swapped.Length).CopyTo(swapped);
            int part = IsComplex ? swapped.Length / 2 : swapped.Length;
            for (int p = 0; p < swapped.Length; p += part)
                swapped.Slice(p, part).Reverse();
            value = MemoryMarshal.Read<T>(swapped);
        }
        return ToDoubles(value);
    }

    private static (double, double) ToDoubles(T value)
    {
        if (typeof(T) == typeof(double)) return ((double)(object)value, 0);
        if (typeof(T) == typeof(float)) return ((float)(object)value, 0);
        if (typeof(T) == typeof(Half)) return ((double)(Half)(object)value, 0);
        if (typeof(T) == typeof(Complex)) { var c = (Complex)(object)value; return (c.Real, c.Imaginary); }
        if (typeof(T) == typeof(Complex64)) { var c = (Complex64)(object)value; return (c.Real, c.Imaginary); }
        if (typeof(T) == typeof(long)) return ((long)(object)value, 0);
        if (typeof(T) == typeof(ulong)) return ((ulong)(object)value, 0);
        if (typeof(T) == typeof(int)) return ((int)(object)value, 0);
        if (typeof(T) == typeof(uint)) return ((uint)(object)value, 0);
        if (typeof(T) == typeof(ushort)) return ((ushort)(object)value, 0);
        throw new InvalidOperationException($"CastStatusRule gave a rule for elements of {typeof(T).Name}, which no check reads");
    }
}
