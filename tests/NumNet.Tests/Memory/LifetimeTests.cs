using System.Runtime.InteropServices;
using NumNet.Memory;
using NumNet.Tests.IO;

namespace NumNet.Tests.Memory;

/// <summary>
/// The lifetime model: every array holds a claim on its buffer, <c>Dispose</c> gives back that array's claim only, the
/// memory goes when the last claim does, and a disposed array throws <see cref="ObjectDisposedException"/>. The same
/// for every size (either side of the 64 KiB managed/native switch) and every kind of memory.
/// </summary>
public sealed class LifetimeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Kinds of memory, each holding 0, 1, 2, … as float64 (object: boxed doubles).</summary>
    public static TheoryData<string> Kinds() =>
    [
        "managed-8", "managed-8191", "native-8192", "native-100000", "caller-array-10", "caller-array-100000",
        "object-10", "object-10000", "mapped-10", "mapped-100000",
    ];

    private NDArray Make(string kind)
    {
        int dash = kind.LastIndexOf('-');
        int n = int.Parse(kind[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var values = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        switch (kind[..dash])
        {
            case "managed":
            {
                var a = np.arange(n).AsType(np.float64);
                Assert.IsType<ManagedArrayBuffer>(a.Buffer);
                return a;
            }
            case "native":
            {
                var a = np.arange(n).AsType(np.float64);
                Assert.IsType<NativeBuffer>(a.Buffer);
                return a;
            }
            case "caller-array":
                return np.asarray(values);
            case "object":
                return np.asarray(values.Select(v => (object?)v).ToArray(), np.dtype("O"));
            case "mapped":
            {
                string path = _dir.File(kind + ".npy");
                using (var source = np.array(values))
                    np.save(path, source);
                return np.load<NDArray>(path, mmapMode: "r");
            }
            default:
                throw new ArgumentException(kind);
        }
    }

    private static double At(NDArray a, long i) => Convert.ToDouble(a.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ADisposedArrayThrowsObjectDisposedExceptionOnEveryAccess(string kind)
    {
        var a = Make(kind);
        a.Dispose();
        Assert.True(a.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => a.GetValue(0));
        Assert.Contains("disposed", e.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => a.SetValue(1.0, 0));
        Assert.Throws<ObjectDisposedException>(() => a.Copy());
        Assert.Throws<ObjectDisposedException>(() => a[np.s(1, null)]);
        Assert.Throws<ObjectDisposedException>(() => a.ToString());
        Assert.Throws<ObjectDisposedException>(() => a.AsType(np.float32));
        Assert.Throws<ObjectDisposedException>(() => a.Ravel());
        Assert.Throws<ObjectDisposedException>(() => a.ToList());
        Assert.Throws<ObjectDisposedException>(() => a.RetainMemory());
        Assert.True(a.Buffer.IsClosed);
        a.Dispose();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ViewsKeepTheMemoryAfterTheBaseIsDisposed(string kind)
    {
        var a = Make(kind);
        long n = a.Size;
        var tail = a[np.s(1, null)];
        var reversed = a["::-1"];
        a.Dispose();
        Assert.Throws<ObjectDisposedException>(() => a.GetValue(0));
        Assert.False(a.Buffer.IsClosed);
        Assert.Equal(1.0, At(tail, 0));
        Assert.Equal(n - 1.0, At(reversed, 0));
        using (var copy = reversed.Copy())
            Assert.Equal(0.0, At(copy, n - 1));
        // A view of a view, taken after the base was disposed, holds a claim of its own too.
        var inner = tail[np.s(1, null)];
        tail.Dispose();
        reversed.Dispose();
        Assert.False(a.Buffer.IsClosed);
        Assert.Equal(2.0, At(inner, 0));
        inner.Dispose();
        Assert.True(a.Buffer.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => inner.GetValue(0));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DisposingAViewLeavesTheBaseAndOtherViewsAlone(string kind)
    {
        using var a = Make(kind);
        var first = a[np.s(0, 5)];
        using var second = a[np.s(0, 5)];
        first.Dispose();
        Assert.Throws<ObjectDisposedException>(() => first.GetValue(0));
        Assert.Equal(4.0, At(second, 4));
        Assert.Equal(4.0, At(a, 4));
    }

    [Fact]
    public void AsarrayReturnsItsArgumentSoDisposingTheResultDisposesTheArgument()
    {
        // NumPy's identity (np.asarray(a) is a) is kept; the trap is a clear exception, and earlier views still work.
        var a = np.arange(100_000);
        using var view = a[np.s(5, null)];
        using (var b = np.asarray(a))
            Assert.Same(a, b);
        var e = Assert.Throws<ObjectDisposedException>(() => a.GetItem<long>(0));
        Assert.Contains("np.asarray", e.Message, StringComparison.Ordinal);
        Assert.Equal(5L, view.GetItem<long>(0));

        var c = np.arange(10);
        using (var d = c.AsType(np.int64, copy: false))
            Assert.Same(c, d);
        Assert.Throws<ObjectDisposedException>(() => c.GetItem<long>(0));
    }

    [Fact]
    public void OperationsLeaveNoClaimBehind()
    {
        // Internal views and temporaries give their claims back, so disposing the array releases its memory at once.
        string path = _dir.File("claims.npy");
        var a = np.arange(200_000).AsType(np.float64).Reshape(400, 500);
        var before = a.Buffer.ClaimCount;
        Action[] operations =
        [
            () => a.Copy().Dispose(),
            () => a.Copy(MemoryOrder.F).Dispose(),
            () => a.AsType(np.float32).Dispose(),
            () => a.AsType("U5").Dispose(),
            () => a.Ravel(MemoryOrder.F).Dispose(),
            () => a.Flatten().Dispose(),
            () => np.asarray(a, np.int32).Dispose(),
            () => _ = a.ToString(),
            () => _ = a.Repr(),
            () => _ = a.ToBytes(MemoryOrder.F),
            () => _ = a.ToArray<double>(),
            () => _ = a.ToList(),
            () => np.save(path, a),
            () =>
            {
                using var t = a.T;
                np.ascontiguousarray(t).Dispose();
                np.save(path, t);
            },
        ];
        for (int i = 0; i < operations.Length; i++)
        {
            operations[i]();
            Assert.True(before == a.Buffer.ClaimCount, $"operation {i} left {a.Buffer.ClaimCount - before} claims behind");
        }
        a.Dispose();
        Assert.Equal(before - 1, a.Buffer.ClaimCount);
    }

    [Fact]
    public void DisposingAnArrayNothingElseUsesReleasesItsMemoryAtOnce()
    {
        using var a = np.zeros([1 << 20]);
        var copy = a.Copy();
        Assert.NotEqual(0, copy.Buffer.NativeAddress);
        copy.Dispose();
        Assert.Equal(0, copy.Buffer.NativeAddress);
    }

    [Fact]
    public void SmallAndLargeArraysBehaveAlike()
    {
        foreach (int n in new[] { 10, 8191, 8192, 1 << 20 })
        {
            var a = np.arange(n).AsType(np.float64);
            var view = a[np.s(1, null)];
            a.Dispose();
            Assert.Throws<ObjectDisposedException>(() => a.GetItem<double>(0));
            Assert.Equal(1.0, view.GetItem<double>(0));
            view.Dispose();
            Assert.Throws<ObjectDisposedException>(() => view.GetItem<double>(0));
            Assert.True(a.Buffer.IsClosed);
        }
    }

    [Fact]
    public void ClosingANativeBufferDirectlyEndsEveryArrayOverIt()
    {
        var a = np.zeros([100_000]);
        using var view = a[np.s(1, null)];
        ((NativeBuffer)a.Buffer).Dispose();
        Assert.Throws<ObjectDisposedException>(() => a.GetItem<double>(0));
        Assert.Throws<ObjectDisposedException>(() => view.GetItem<double>(0));
        Assert.Throws<ObjectDisposedException>(() => a[np.s(2, null)]);
        Assert.Equal(0, a.Buffer.NativeAddress);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    public void ARetentionKeepsTheMemoryAfterEveryArrayIsDisposed(int n)
    {
        var a = np.arange(n).AsType(np.float64);
        var view = a[np.s(3, null)];
        var retention = view.RetainMemory();
        long offset = view.Offset;
        a.Dispose();
        view.Dispose();
        Assert.False(a.Buffer.IsClosed);
        Assert.Equal(a.Buffer.ByteLength, retention.ByteLength);
        // The address is pinned (managed) or fixed (native) until the retention is disposed.
        nint address = retention.Address;
        GC.Collect();
        Assert.Equal(3.0, BitConverter.Int64BitsToDouble(Marshal.ReadInt64(address + (nint)offset)));
        Assert.Equal(address, retention.Address);
        retention.Dispose();
        Assert.True(a.Buffer.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => retention.Address);
        retention.Dispose();
    }

    [Fact]
    public void ObjectMemoryHasNoAddressToShare()
    {
        using var a = np.asarray(new object?[] { 1, "x" }, np.dtype("O"));
        using var retention = a.RetainMemory();
        Assert.Throws<NotSupportedException>(() => retention.Address);
    }

    [Fact]
    public void AMappedFileIsReleasedOnlyWhenTheLastArrayOverItIsDisposed()
    {
        string path = _dir.File("m.npy");
        np.save(path, np.arange(1000));
        var a = np.load<NDArray>(path, mmapMode: "r");
        var view = a["::2"];
        a.Dispose();
        Assert.Equal(998L, view.GetItem<long>(-1));
        view.Dispose();
        Assert.True(((MemoryMappedFileBuffer)a.Buffer).IsDisposed);
        // Unmapped: the file can be replaced and deleted.
        np.save(path, np.arange(3));
        File.Delete(path);
    }
}
