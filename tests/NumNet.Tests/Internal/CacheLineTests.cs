using System.Runtime.CompilerServices;
using NumNet.Internal;

namespace NumNet.Tests.Internal;

/// <summary>
/// <see cref="CacheLine"/>: the aligned part of a stack scratch starts at a 64-byte boundary, inside the scratch, and has
/// the length asked for, wherever the scratch itself starts.
/// </summary>
public sealed class CacheLineTests
{
    [Fact]
    public unsafe void Aligned_parts_start_at_a_line_inside_the_scratch_at_every_stack_offset()
    {
        Span<byte> raw = stackalloc byte[300 + 2 * CacheLine.Size];
        for (int shift = 0; shift < CacheLine.Size; shift += 4)
        {
            var scratch = raw.Slice(shift, 300 + CacheLine.Size);
            var floats = CacheLine.Aligned<float>(scratch, 75);
            nint start = (nint)Unsafe.AsPointer(ref floats[0]);
            nint first = (nint)Unsafe.AsPointer(ref scratch[0]);
            Assert.Equal(0, start % CacheLine.Size);
            Assert.Equal(75, floats.Length);
            Assert.InRange(start - first, 0, CacheLine.Size - 1);
            Assert.True(start + 75 * sizeof(float) <= first + scratch.Length, $"shift {shift}: past the scratch");
        }
    }

    [Fact]
    public unsafe void Align_rounds_up_to_the_next_line_and_keeps_a_boundary()
    {
        byte* p = (byte*)(nint)0x1000;
        Assert.Equal((nint)0x1000, (nint)CacheLine.Align(p));
        Assert.Equal((nint)0x1040, (nint)CacheLine.Align(p + 1));
        Assert.Equal((nint)0x1040, (nint)CacheLine.Align(p + 63));
    }
}
