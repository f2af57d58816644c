using NumNet.Memory;
using NumNet.Tests.Reliability.Fuzzing;

namespace NumNet.Tests.Reliability;

/// <summary>The limits NumNet enforces, each at and just past its edge (docs/reliability.md lists them).</summary>
public class LimitTests
{
    [Fact]
    public void AtMostSixtyFourDimensions()
    {
        Assert.Equal(64, np.empty(Enumerable.Repeat(1L, 64).ToArray()).NDim);
        var e = Assert.Throws<ArgumentException>(() => np.empty(Enumerable.Repeat(1L, 65).ToArray()));
        Assert.Contains("64", e.Message);
        Assert.Equal(64, np.array(1, ndmin: 64).NDim);
        Assert.Throws<ArgumentException>(() => np.array(1, ndmin: 65));
    }

    [Fact]
    public void NestingDeeperThanSixtyFourIsRejected()
    {
        object? nested = 1.0;
        for (int i = 0; i < 64; i++)
            nested = new List<object?> { nested };
        Assert.Equal(64, np.asarray(nested).NDim);
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new List<object?> { nested }));
        Assert.Contains("maximum number of dimension of 64", e.Message);
        // As dtype=object the 65th level is kept as an element, as NumPy does.
        Assert.Equal(64, np.asarray(new List<object?> { nested }, np.object_).NDim);
    }

    [Fact]
    public void VeryDeepNestingDoesNotOverflowTheStack()
    {
        object? nested = 1.0;
        for (int i = 0; i < 100_000; i++)
            nested = new object?[] { nested };
        Assert.Throws<ArgumentException>(() => np.asarray(nested));
        Assert.Equal(64, np.asarray(nested, np.object_).NDim);
    }

    [Fact]
    public void ShapesPastTheAddressSpaceFailBeforeAllocating()
    {
        AssertNoLargeAllocation(() => Assert.Throws<ArgumentException>(() => np.empty([1_000_000_000_000, 1_000_000_000_000])));
        // Addressable in principle, but no machine has it: the allocator refuses without touching memory (MemoryError).
        AssertNoLargeAllocation(() => Assert.ThrowsAny<Exception>(() => np.empty([1_000_000_000_000_000_000], np.uint8)),
            e => e is OutOfMemoryException);
    }

    [Fact]
    public void ArrayInterfaceClaimingTenToTheEighteenElementsFailsBeforeAllocating()
    {
        var owner = new byte[64];
        AssertNoLargeAllocation(() => Assert.Throws<ArgumentException>(() =>
            np.asarray(new Exporter(new ArrayInterfaceInfo([1_000_000_000_000_000_000], "<f8") { Owner = owner }))));
        // A zero-stride view of 10^17 elements is legal (it reads one element); copying it must fail up front.
        var view = np.asarray(new Exporter(new ArrayInterfaceInfo([100_000_000_000_000_000], "<f8") { Owner = owner, Strides = [0] }));
        Assert.Equal(100_000_000_000_000_000, view.Size);
        AssertNoLargeAllocation(() => Assert.ThrowsAny<Exception>(() => view.Copy()), e => e is OutOfMemoryException or ArgumentException);
    }

    [Fact]
    public void LongDTypeStringsAreRejectedCheaplyWithAShortMessage()
    {
        // Cheaply, measured as allocation rather than time (the suite has no timed assertions): the parser must not
        // copy, split or echo the megabyte of input it refuses.
        string text = "S" + new string('9', 1_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArgumentException>(() => np.dtype(text));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, 0, 64 << 10);
        Assert.InRange(e.Message.Length, 10, 2_000);
    }

    private static void AssertNoLargeAllocation(Func<Exception> run, Func<Exception, bool>? accept = null)
    {
        long managed = GC.GetAllocatedBytesForCurrentThread(), native = NativeGuard.RentedBytesOnThisThread;
        var e = run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - managed;
        long rented = NativeGuard.RentedBytesOnThisThread - native;
        Assert.True(accept?.Invoke(e) ?? true, e.ToString());
        Assert.InRange(allocated, 0, 1 << 20);
        // A refused native request is counted when asked for; what matters is that no memory was obtained or touched.
        Assert.True(rented == 0 || e is OutOfMemoryException, $"rented {rented} bytes before failing with {e.GetType().Name}");
    }

    private sealed class Exporter(ArrayInterfaceInfo info) : IArrayInterface
    {
        public ArrayInterfaceInfo ArrayInterface => info;
    }
}
