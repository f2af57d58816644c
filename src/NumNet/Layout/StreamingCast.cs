using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumNet.DTypes;

namespace NumNet.Layout;

/// <summary>One step of a contiguous vector cast: reads <see cref="InputBytes"/> bytes and returns 32 bytes of result.</summary>
internal interface ICastStep
{
    /// <summary>Source bytes one step consumes.</summary>
    static abstract int InputBytes { get; }

    /// <summary>Converts the elements at <paramref name="src"/> into one 32-byte vector of results.</summary>
    static abstract Vector256<byte> Step(ref byte src);

    /// <summary>The source element type, when the floating-point status probe can read it (double, float); else byte.</summary>
    static virtual Type Source => typeof(byte);

    /// <summary>
    /// Source elements a step advances over per element it converts: 1, or 2 for a step that takes every other element
    /// (the status probe counts the converted elements, and screens the skipped ones too, which can only cost an exact
    /// check, never miss a value).
    /// </summary>
    static virtual int ElementGap => 1;
}

/// <summary>
/// Drives an <see cref="ICastStep"/> over a contiguous line in whole 32-byte outputs. Results of
/// <see cref="Threshold"/> bytes or more, at a 32-byte aligned destination, are written with non-temporal stores: a
/// result that large does not stay in cache anyway, and bypassing it saves reading every destination line before
/// overwriting it, a third of a cast's memory traffic when input and output are the same size.
/// </summary>
internal static class StreamingCast
{
    /// <summary>
    /// Result size from which stores bypass the cache; the transposing and block copies use the same limit. It comes
    /// from the machine's last-level cache (<see cref="Platform.CacheTopology.StreamingThreshold"/>); a static readonly
    /// field, so optimised code sees it as a constant.
    /// </summary>
    public static readonly long Threshold = Platform.CacheTopology.StreamingThreshold;

    // The status probe of the cast running on this thread (set by the cast engine around a cast that can warn).
    [ThreadStatic]
    private static CastStatusProbe? t_probe;

    // Set while this thread runs one chunk after another of a result too large for the cache.
    [ThreadStatic]
    private static bool t_streamsAll;

    /// <summary>
    /// True while this thread casts runs of a larger result (a cast split over threads): their stores stream from the
    /// whole result's size, as one call over it would, however short each run is.
    /// </summary>
    public static bool StreamsAll
    {
        get => t_streamsAll;
        set => t_streamsAll = value;
    }

    /// <summary>
    /// The floating-point status probe of the cast on this thread, or null: steps over double or float sources then
    /// screen each source vector they load (NumPy's check of the FP status after the loop, folded into it).
    /// </summary>
    public static CastStatusProbe? Probe
    {
        get => t_probe;
        set => t_probe = value;
    }

    /// <summary>Runs as many whole steps as fit in <paramref name="outBytes"/>; returns the output bytes written.</summary>
    // The streaming choice is made here, outside the loops' optimised bodies: a thread-static read inside them made the
    // plain one-thread cast 1.6x slower (astype float64 -> float32, 2.8 -> 4.6 ms).
    public static nint Run<TStep>(ref byte src, ref byte dst, nint outBytes) where TStep : struct, ICastStep =>
        Run<TStep>(ref src, ref dst, outBytes, stream: outBytes >= Threshold || t_streamsAll);

    /// <summary>
    /// Runs as many whole steps as fit in <paramref name="outBytes"/>, with non-temporal stores when
    /// <paramref name="stream"/> is set and the destination is 32-byte aligned; returns the output bytes written. For one
    /// piece of a larger result, whose whole size decides <paramref name="stream"/>.
    /// </summary>
    public static nint Run<TStep>(ref byte src, ref byte dst, nint outBytes, bool stream) where TStep : struct, ICastStep
    {
        if ((TStep.Source == typeof(double) || TStep.Source == typeof(float)) && t_probe is { } probe)
            return RunProbed<TStep>(ref src, ref dst, outBytes, stream, probe);
        return RunPlain<TStep>(ref src, ref dst, outBytes, stream);
    }

    /// <remarks>Compiled fully optimised at once: one call can stream hundreds of megabytes, too few calls for tiering to see.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe nint RunPlain<TStep>(ref byte src, ref byte dst, nint outBytes, bool stream) where TStep : struct, ICastStep
    {
        nint steps = outBytes / 32;
        // Pinned for the loop so its alignment cannot change; native buffers are not moved anyway.
        fixed (byte* d = &dst)
        {
            if (stream && ((nint)d & 31) == 0)
            {
                for (nint i = 0; i < steps; i++)
                    Avx.StoreAlignedNonTemporal(d + i * 32, TStep.Step(ref Unsafe.Add(ref src, i * TStep.InputBytes)));
                Sse.StoreFence();
            }
            else
            {
                for (nint i = 0; i < steps; i++)
                    Unsafe.WriteUnaligned(d + i * 32, TStep.Step(ref Unsafe.Add(ref src, i * TStep.InputBytes)));
            }
        }
        return steps * 32;
    }

    // Run with the status probe: the same steps and stores, plus a screen of every source vector as it is loaded.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe nint RunProbed<TStep>(ref byte src, ref byte dst, nint outBytes, bool stream, CastStatusProbe probe) where TStep : struct, ICastStep
    {
        nint steps = outBytes / 32;
        var largest = Vector256<uint>.Zero;
        fixed (byte* d = &dst)
        {
            if (stream && ((nint)d & 31) == 0)
            {
                for (nint i = 0; i < steps; i++)
                {
                    ref byte s = ref Unsafe.Add(ref src, i * TStep.InputBytes);
                    largest = Screened<TStep>(ref s, largest);
                    Avx.StoreAlignedNonTemporal(d + i * 32, TStep.Step(ref s));
                }
                Sse.StoreFence();
            }
            else
            {
                for (nint i = 0; i < steps; i++)
                {
                    ref byte s = ref Unsafe.Add(ref src, i * TStep.InputBytes);
                    largest = Screened<TStep>(ref s, largest);
                    Unsafe.WriteUnaligned(d + i * 32, TStep.Step(ref s));
                }
            }
        }
        bool doubles = TStep.Source == typeof(double);
        bool mayReport = doubles ? probe.Lanes.MayReportDoubles(largest) : probe.Lanes.MayReportFloats(largest);
        probe.Record(mayReport, steps * TStep.InputBytes / ((doubles ? sizeof(double) : sizeof(float)) * TStep.ElementGap));
        return steps * 32;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Screened<TStep>(ref byte s, Vector256<uint> largest) where TStep : struct, ICastStep
    {
        for (int k = 0; k < TStep.InputBytes; k += 32)
        {
            var magnitudes = TStep.Source == typeof(double)
                ? CastStatusLanes.Magnitudes(Unsafe.ReadUnaligned<Vector256<double>>(ref Unsafe.Add(ref s, k)))
                : CastStatusLanes.Magnitudes(Unsafe.ReadUnaligned<Vector256<float>>(ref Unsafe.Add(ref s, k)));
            largest = Vector256.Max(largest, magnitudes);
        }
        return largest;
    }
}

/// <summary>The identity step: a plain copy, 32 bytes at a time.</summary>
internal readonly struct CopyStep : ICastStep
{
    public static int InputBytes => 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Step(ref byte src) => Unsafe.ReadUnaligned<Vector256<byte>>(ref src);
}
