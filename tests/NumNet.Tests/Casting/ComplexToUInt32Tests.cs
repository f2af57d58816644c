using System.Numerics;

namespace NumNet.Tests.Casting;

/// <summary>
/// Contiguous complex → uint32 converts the real part as gcc compiled NumPy's loop on x86-64: blocks of four through
/// the vectorised conversion only while an element follows the block, so the last element (and any array of up to four)
/// goes through the scalar conversion (the low 32 bits of the 64-bit truncation); a float source's vector loop takes
/// every whole block. NumPy 1.24's answers; found by the differential run of seed 20261208 (`astype:1Wub0VbaiH-f`).
/// </summary>
public sealed class ComplexToUInt32Tests
{
    [Fact]
    public void Complex128_wraps_through_the_64_bit_conversion_in_contiguous_blocks()
    {
        // np.array([-203+0j, 4294967500.5+0j, 8589934811+0j, -1e19+0j]).astype(np.uint32)
        using var z = np.asarray(new[] { new Complex(-203, 0), new Complex(4294967500.5, 0), new Complex(8589934811, 0), new Complex(-1e19, 0) });
        using var u = z.AsType(np.uint32, casting: "unsafe");
        Assert.Equal(new uint[] { 4294967093, 204, 219, 0 }, u.ToArray<uint>());
        // The same values as float64 take the vectorised loop's answers.
        using var d = np.asarray(new[] { -203.0, 4294967500.5, 8589934811, -1e19 });
        using var v = d.AsType(np.uint32, casting: "unsafe");
        Assert.Equal(new uint[] { 4294967093, 0, 0, 2147483648 }, v.ToArray<uint>());
    }

    [Fact]
    public void Only_blocks_with_an_element_after_them_are_vectorised()
    {
        // np.full(n, 6442451163.0).astype(np.complex128).astype(np.uint32): 4 -> all 219-style scalar, 5 -> four vector + one.
        const double x = 6442451163.0;
        uint scalar = unchecked((uint)6442451163L);
        for (int n = 1; n <= 9; n++)
        {
            using var z = np.asarray(Enumerable.Repeat(new Complex(x, 0), n).ToArray());
            using var u = z.AsType(np.uint32, casting: "unsafe");
            int vectorised = (n - 1) / 4 * 4;
            var expected = Enumerable.Range(0, n).Select(i => i < vectorised ? 0u : scalar).ToArray();
            Assert.Equal(expected, u.ToArray<uint>());
        }
    }

    [Fact]
    public void Complex64_wraps_through_the_64_bit_conversion_too()
    {
        // np.array([-203, 4294967500.5, 1e19, -1e19], dtype=np.complex64).astype(np.uint32): [4294967093, 0, 0, 0]
        using var z = np.asarray(new[] { -203.0, 4294967500.5, 1e19, -1e19 }).AsType(np.complex64);
        using var u = z.AsType(np.uint32, casting: "unsafe");
        Assert.Equal(new uint[] { 4294967093, 0, 0, 0 }, u.ToArray<uint>());
    }
}
