using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting.Loops;
using NumNet.Layout;

namespace NumNet.Tests.Layout;

/// <summary>
/// The same-dtype strided copy against an element-by-element reference: every small shape, odd sizes, 3-d
/// transposes, negative strides, strided destinations, and every item size the kernels specialise (1, 2, 4, 8, 16)
/// plus sizes they do not (S3, U5).
/// </summary>
public class StridedCopyTests
{
    private static readonly string[] DTypes = ["int8", "int16", "float32", "float64", "S16", "S3", "U5"];
    private static readonly long[] Lengths = [1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 33];

    /// <summary>An array of <paramref name="dtype"/> whose bytes are random but reproducible.</summary>
    private static NDArray Random(string dtype, params long[] shape)
    {
        var a = np.empty(shape, np.dtype(dtype));
        var bytes = MemoryMarshal.CreateSpan(ref NumNet.Tests.Memory.TestMemory.Origin(a), checked((int)a.Buffer.ByteLength));
        new Random(shape.Aggregate(17, (h, n) => h * 31 + (int)n)).NextBytes(bytes);
        return a;
    }

    /// <summary>Every element of <paramref name="expected"/> and <paramref name="actual"/>, byte for byte.</summary>
    private static void AssertSameElements(NDArray expected, NDArray actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var index = new long[expected.NDim];
        for (long e = 0; e < expected.Size; e++)
        {
            long rest = e;
            for (int k = index.Length - 1; k >= 0; k--)
            {
                index[k] = rest % expected.ShapeRef[k];
                rest /= expected.ShapeRef[k];
            }
            var want = NumNet.Tests.Memory.TestMemory.Element(expected, expected.ByteOffsetOf(index));
            var got = NumNet.Tests.Memory.TestMemory.Element(actual, actual.ByteOffsetOf(index));
            if (!want.SequenceEqual(got))
                Assert.Fail($"element [{string.Join(", ", index)}] differs: {Convert.ToHexString(want)} vs {Convert.ToHexString(got)}");
        }
    }

    /// <summary>The C-order elements of <paramref name="a"/> against a 1-d result.</summary>
    private static void AssertRavelled(NDArray a, NDArray flat) => AssertSameElements(a, flat.Reshape(a.Shape));

    [Fact]
    public void TransposedCopiesOfEverySmallShapeAndItemSize()
    {
        foreach (var dtype in DTypes)
        {
            foreach (long rows in Lengths)
            {
                foreach (long cols in Lengths)
                {
                    using var a = Random(dtype, rows, cols);
                    var t = a.T;
                    using var c = t.Copy(MemoryOrder.C);
                    Assert.True(c.IsCContiguous);
                    AssertSameElements(t, c);
                    using var f = a.Copy(MemoryOrder.F);
                    Assert.True(f.IsFContiguous);
                    AssertSameElements(a, f);
                    using var flat = t.Flatten();
                    AssertRavelled(t, flat);
                }
            }
        }
    }

    [Fact]
    public void RowAndColumnVectors()
    {
        foreach (var dtype in DTypes)
        {
            foreach (long n in new long[] { 1, 5, 64, 1000 })
            {
                using var row = Random(dtype, 1, n);
                using var col = Random(dtype, n, 1);
                foreach (var x in new[] { row, col, row.T, col.T })
                {
                    using var c = x.Copy(MemoryOrder.C);
                    AssertSameElements(x, c);
                    using var f = x.Copy(MemoryOrder.F);
                    AssertSameElements(x, f);
                }
            }
        }
    }

    [Fact]
    public void EveryAxisOrderOfThreeDimensions()
    {
        int[][] perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var dtype in DTypes)
        {
            using var a = Random(dtype, 5, 17, 18);
            foreach (var perm in perms)
            {
                var t = a.Transpose(perm);
                using var c = t.Copy(MemoryOrder.C);
                AssertSameElements(t, c);
                using var f = t.Copy(MemoryOrder.F);
                AssertSameElements(t, f);
                using var flat = t.Flatten();
                AssertRavelled(t, flat);
            }
        }
    }

    [Fact]
    public void NegativeAndSteppedStrides()
    {
        string[] indices = ["::-1, :", ":, ::-1", "::-1, ::-1", "::2, ::-3", "1::3, ::-2", "::-2, 1:"];
        foreach (var dtype in DTypes)
        {
            using var a = Random(dtype, 37, 41);
            foreach (var index in indices)
            {
                var v = a[index];
                foreach (var x in new[] { v, v.T })
                {
                    using var c = x.Copy(MemoryOrder.C);
                    AssertSameElements(x, c);
                    using var f = x.Copy(MemoryOrder.F);
                    AssertSameElements(x, f);
                    using var k = x.Copy(MemoryOrder.K);
                    AssertSameElements(x, k);
                }
            }
        }
    }

    [Fact]
    public void IntoStridedAndReversedDestinations()
    {
        foreach (var dtype in DTypes)
        {
            foreach (var index in new[] { "::-1, ::-1", "::2, ::-1", ":, ::2", "::-3, 1:" })
            {
                using var target = Random(dtype, 66, 80);
                var dst = target[index].T;
                using var source = Random(dtype, dst.ShapeRef[1], dst.ShapeRef[0]);
                StridedCopy.Copy(source.T, dst);
                AssertSameElements(source.T, dst);
                using var contiguous = Random(dtype, dst.Shape);
                StridedCopy.Copy(contiguous, dst);
                AssertSameElements(contiguous, dst);
            }
        }
    }

    [Theory]
    [InlineData("float64")]
    [InlineData("float32")]
    [InlineData("uint8")]
    [InlineData("float16")]
    [InlineData("complex128")]
    public void LargeTransposesUseTheVectorKernels(string dtype)
    {
        // 512² is below the streaming-store threshold (which comes from this machine's cache), the last shape is
        // always above it. The odd sizes break 32-byte row alignment and leave partial tiles and partial bands on
        // both axes.
        long aboveStreaming = (long)Math.Sqrt(StreamingCast.Threshold / np.dtype(dtype).ItemSize) + 5;
        foreach (var (rows, cols) in new (long, long)[] { (512, 512), (1024, 1024), (1027, 1030), (1032, 1048), (8, 9000), (9000, 9), (1000, 1001), (1500, 1024), (aboveStreaming, aboveStreaming + 3) })
        {
            using var a = Random(dtype, rows, cols);
            var t = a.T;
            using var c = np.ascontiguousarray(t);
            AssertSameElements(t, c);
            using var f = a.Copy(MemoryOrder.F);
            AssertSameElements(a, f);
        }
    }

    [Theory]
    [InlineData("float64")]
    [InlineData("float32")]
    [InlineData("complex128")]
    public void ManySmallPlanesStreamWhenTheWholeResultIsLarge(string dtype)
    {
        // Planes of 128×136: each plane is small, the whole result above the streaming threshold, so the planes
        // take the streaming path with 32-byte aligned rows; the second shape has unaligned rows and falls back to
        // cached stores.
        long planes = StreamingCast.Threshold / (128 * 130 * np.dtype(dtype).ItemSize) + 2;
        foreach (var shape in new long[][] { [planes, 128, 136], [planes, 130, 131] })
        {
            using var a = Random(dtype, shape);
            var t = a.Transpose(0, 2, 1);
            using var c = t.Copy(MemoryOrder.C);
            AssertSameElements(t, c);
            var u = a.Transpose(2, 0, 1);
            using var d = u.Copy(MemoryOrder.C);
            AssertSameElements(u, d);
        }
    }

    [Fact]
    public void RandomLayoutsOfEveryTiledItemSize()
    {
        // Random 2-d and 3-d shapes around the tile sizes (8, 16) and the band widths, random axis orders, steps and
        // reversals: every tiled item size against the element-by-element reference.
        string[] dtypes = ["uint8", "float16", "float32", "float64", "complex128"];
        var random = new Random(20261122);
        for (int round = 0; round < 150; round++)
        {
            string dtype = dtypes[round % dtypes.Length];
            int ndim = random.Next(2, 4);
            var shape = new long[ndim];
            for (int k = 0; k < ndim; k++)
                shape[k] = ndim == 2 ? random.Next(1, 300) : random.Next(1, 70);
            using var a = Random(dtype, shape);
            var axes = Enumerable.Range(0, ndim).OrderBy(_ => random.Next()).ToArray();
            var parts = new string[ndim];
            for (int k = 0; k < ndim; k++)
                parts[k] = random.Next(4) switch { 0 => "::-1", 1 => "1::2", 2 => "::-3", _ => ":" };
            // Keep the source's contiguous axis whole in half the rounds, so that most of those take the tiles.
            if (random.Next(2) == 0)
                parts[ndim - 1] = ":";
            var view = a[string.Join(", ", parts)].Transpose(axes);
            using var c = view.Copy(MemoryOrder.C);
            AssertSameElements(view, c);
            using var f = view.Copy(MemoryOrder.F);
            AssertSameElements(view, f);
        }
    }

    [Fact]
    public void ObjectArraysCopyReferences()
    {
        using var a = np.empty([3, 4], np.object_);
        for (long i = 0; i < 3; i++)
            for (long j = 0; j < 4; j++)
                a.SetValue($"{i},{j}", i, j);
        var c = a.T.Copy(MemoryOrder.C);
        for (long i = 0; i < 4; i++)
            for (long j = 0; j < 3; j++)
                Assert.Same(a.GetValue(j, i), c.GetValue(i, j));
    }
}
