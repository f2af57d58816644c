using System;
using System.Numerics;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// A mutable, arbitrary-size natural number with just the operations exact float-to-decimal conversion
/// needs. It is mutated in place so that printing a value allocates nothing once the buffers have grown.
/// </summary>
internal sealed class BigNatural
{
    private uint[] _blocks;
    private int _length;

    /// <summary>Creates a zero with room for <paramref name="capacity"/> 32-bit blocks.</summary>
    public BigNatural(int capacity)
    {
        _blocks = new uint[Math.Max(capacity, 4)];
    }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => _length == 0;

    /// <summary>Number of bits up to and including the highest set bit.</summary>
    public int BitLength =>
        _length == 0 ? 0 : (_length * 32) - BitOperations.LeadingZeroCount(_blocks[_length - 1]);

    /// <summary>Replaces the value.</summary>
    public void Set(UInt128 value)
    {
        ulong low = (ulong)value;
        ulong high = (ulong)(value >> 64);
        _blocks[0] = (uint)low;
        _blocks[1] = (uint)(low >> 32);
        _blocks[2] = (uint)high;
        _blocks[3] = (uint)(high >> 32);
        _length = 4;
        Normalize();
    }

    /// <summary>Replaces the value with <c>2^exponent</c>.</summary>
    public void SetPowerOfTwo(int exponent)
    {
        int top = exponent >> 5;
        Grow(top + 1, keep: 0);
        Array.Clear(_blocks, 0, top);
        _blocks[top] = 1u << (exponent & 31);
        _length = top + 1;
    }

    /// <summary>Replaces the value with a copy of <paramref name="source"/>.</summary>
    public void CopyFrom(BigNatural source)
    {
        Grow(source._length, keep: 0);
        Array.Copy(source._blocks, _blocks, source._length);
        _length = source._length;
    }

    /// <summary>Multiplies by <c>2^bits</c>.</summary>
    public void ShiftLeft(int bits)
    {
        if (_length == 0 || bits == 0)
        {
            return;
        }

        int blockShift = bits >> 5;
        int bitShift = bits & 31;
        int newLength = _length + blockShift + 1;
        Grow(newLength, keep: _length);

        uint[] b = _blocks;
        if (bitShift == 0)
        {
            for (int i = _length - 1; i >= 0; i--)
            {
                b[i + blockShift] = b[i];
            }

            b[_length + blockShift] = 0;
        }
        else
        {
            int back = 32 - bitShift;
            b[_length + blockShift] = b[_length - 1] >> back;
            for (int i = _length - 1; i > 0; i--)
            {
                b[i + blockShift] = (b[i] << bitShift) | (b[i - 1] >> back);
            }

            b[blockShift] = b[0] << bitShift;
        }

        Array.Clear(b, 0, blockShift);
        _length = newLength;
        Normalize();
    }

    /// <summary>Multiplies by a 32-bit factor.</summary>
    public void Multiply(uint factor)
    {
        ulong carry = 0;
        uint[] b = _blocks;
        for (int i = 0; i < _length; i++)
        {
            ulong product = ((ulong)b[i] * factor) + carry;
            b[i] = (uint)product;
            carry = product >> 32;
        }

        if (carry != 0)
        {
            Grow(_length + 1, keep: _length);
            _blocks[_length++] = (uint)carry;
        }
    }

    /// <summary>Multiplies by <c>10^exponent</c> for a non-negative exponent.</summary>
    public void MultiplyByPowerOfTen(int exponent)
    {
        for (; exponent >= 9; exponent -= 9)
        {
            Multiply(1_000_000_000);
        }

        if (exponent > 0)
        {
            Multiply(SmallPowersOfTen[exponent]);
        }
    }

    /// <summary>Adds <paramref name="other"/>, which must be a different instance.</summary>
    public void Add(BigNatural other)
    {
        int longer = Math.Max(_length, other._length);
        Grow(longer + 1, keep: _length);
        uint[] b = _blocks;
        Array.Clear(b, _length, longer + 1 - _length);
        ulong carry = 0;
        int i = 0;
        for (; i < other._length; i++)
        {
            ulong sum = (ulong)b[i] + other._blocks[i] + carry;
            b[i] = (uint)sum;
            carry = sum >> 32;
        }

        for (; carry != 0; i++)
        {
            ulong sum = b[i] + carry;
            b[i] = (uint)sum;
            carry = sum >> 32;
        }

        _length = longer + 1;
        Normalize();
    }

    /// <summary>Three-way comparison.</summary>
    public static int Compare(BigNatural a, BigNatural b)
    {
        if (a._length != b._length)
        {
            return a._length < b._length ? -1 : 1;
        }

        for (int i = a._length - 1; i >= 0; i--)
        {
            uint x = a._blocks[i];
            uint y = b._blocks[i];
            if (x != y)
            {
                return x < y ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Replaces the value by its remainder modulo <paramref name="divisor"/> and returns the quotient,
    /// which the caller guarantees is below 2^32 (digit extraction keeps it below 10).
    /// </summary>
    public uint DivideAndKeepRemainder(BigNatural divisor)
    {
        if (Compare(this, divisor) < 0)
        {
            return 0;
        }

        // Compare the leading 60 or so bits of both numbers. Rounding the divisor's window up makes the
        // estimate never exceed the true quotient, and the window is wide enough that it is short by at
        // most one, which the final comparison repairs.
        int shift = Math.Max(0, divisor.BitLength - 60);
        ulong d = divisor.BitsFrom(shift);
        ulong n = BitsFrom(shift);
        ulong estimate = shift == 0 ? n / d : n / (d + 1);

        if (estimate != 0)
        {
            SubtractMultiple(divisor, (uint)estimate);
        }

        if (Compare(this, divisor) >= 0)
        {
            SubtractMultiple(divisor, 1);
            estimate++;
        }

        return (uint)estimate;
    }

    /// <summary>Subtracts <c>divisor * factor</c>, which must not exceed the value.</summary>
    private void SubtractMultiple(BigNatural divisor, uint factor)
    {
        uint[] b = _blocks;
        uint[] d = divisor._blocks;
        ulong carry = 0;
        long borrow = 0;
        int i = 0;
        for (; i < divisor._length; i++)
        {
            ulong product = ((ulong)d[i] * factor) + carry;
            carry = product >> 32;
            long diff = (long)b[i] - (uint)product + borrow;
            b[i] = (uint)diff;
            borrow = diff >> 32;
        }

        for (; (carry != 0 || borrow != 0) && i < _length; i++)
        {
            long diff = (long)b[i] - (long)carry + borrow;
            carry = 0;
            b[i] = (uint)diff;
            borrow = diff >> 32;
        }

        Normalize();
    }

    /// <summary>The 64 bits starting at bit <paramref name="shift"/>, i.e. <c>(value &gt;&gt; shift) mod 2^64</c>.</summary>
    private ulong BitsFrom(int shift)
    {
        int index = shift >> 5;
        UInt128 window = BlockAt(index)
            | ((UInt128)BlockAt(index + 1) << 32)
            | ((UInt128)BlockAt(index + 2) << 64);
        return (ulong)(window >> (shift & 31));
    }

    private uint BlockAt(int index) => index < _length ? _blocks[index] : 0;

    private void Normalize()
    {
        while (_length > 0 && _blocks[_length - 1] == 0)
        {
            _length--;
        }
    }

    private void Grow(int needed, int keep)
    {
        if (needed <= _blocks.Length)
        {
            return;
        }

        var larger = new uint[Math.Max(needed, _blocks.Length * 2)];
        Array.Copy(_blocks, larger, keep);
        _blocks = larger;
    }

    private static readonly uint[] SmallPowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
    ];
}
