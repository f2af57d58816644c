using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.Benchmarks;

/// <summary>Inputs for the workloads, with every page written once so no timed run pays for first touch of an input.</summary>
public static class Data
{
    /// <summary>A C-ordered float64 array holding 0, 1, 2, … like <c>np.arange(n, dtype=float64).reshape(shape)</c>.</summary>
    public static NDArray Float64(params long[] shape)
    {
        var a = np.empty(shape);
        // SetItem per element would take seconds for 16M elements; the benchmark assembly sees the buffer directly.
        var span = MemoryMarshal.CreateSpan(
            ref Unsafe.As<byte, double>(ref Unsafe.Add(ref Origin(a), (nint)a.Offset)), checked((int)a.Size));
        for (int i = 0; i < span.Length; i++)
            span[i] = i;
        return a;
    }

    /// <summary>i/7 as float64, like <c>np.arange(n) / 7</c>: every value needs all 17 significant digits.</summary>
    public static NDArray Sevenths(long n)
    {
        var a = Float64(n);
        var span = MemoryMarshal.CreateSpan(
            ref Unsafe.As<byte, double>(ref Unsafe.Add(ref Origin(a), (nint)a.Offset)), checked((int)a.Size));
        for (int i = 0; i < span.Length; i++)
            span[i] /= 7;
        return a;
    }

    /// <summary>
    /// A C-ordered array of <paramref name="dtype"/> filled with a byte pattern; for copies only the bytes matter, and
    /// every page is written once.
    /// </summary>
    public static NDArray Filled(DType dtype, params long[] shape)
    {
        var a = np.empty(shape, dtype);
        var bytes = Bytes(a);
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(i % 251);
        return a;
    }

    /// <summary>The bytes of a contiguous array, for the plain-copy baseline.</summary>
    public static Span<byte> Bytes(NDArray a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref Origin(a), (nint)a.Offset), checked((int)a.NBytes));

    // Byte 0 of the buffer. The lease ends on return: the benchmarks hold their inputs undisposed for the whole run.
    private static ref byte Origin(NDArray a)
    {
        using var lease = a.Lease();
        return ref lease.At(0);
    }
}
