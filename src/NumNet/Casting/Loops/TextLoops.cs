using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.DTypes.Text;
using NumNet.Memory;

namespace NumNet.Casting.Loops;

/// <summary>
/// float64 to a native <c>U</c> dtype without boxing: each value's <c>str()</c> (<see cref="FloatText"/>) is widened
/// straight into the UCS-4 element, cut at the field width and NUL-padded as <see cref="ElementLoop"/> does.
/// </summary>
internal sealed class Float64ToUnicodeLoop<TIn>(int chars) : ByteCastLoop where TIn : struct, IElementIO<double>
{
    protected override void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        for (nint i = 0; i < count; i++)
        {
            string text = FloatText.Scalar(TIn.Read(ref src));
            int length = Math.Min(text.Length, chars);
            ref uint element = ref Unsafe.As<byte, uint>(ref dst);
            for (int j = 0; j < length; j++)
                Unsafe.WriteUnaligned(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref element, j)), (uint)text[j]);
            MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, length * 4), (chars - length) * 4).Clear();
            src = ref Unsafe.Add(ref src, srcStride);
            dst = ref Unsafe.Add(ref dst, dstStride);
        }
    }
}

/// <summary>
/// A native <c>U</c> dtype to float64 without a string per element: ASCII text is narrowed onto the stack and parsed
/// there with Python's <c>float()</c> syntax. Anything else (non-ASCII code points, text that does not parse) goes to
/// the general <paramref name="fallback"/> for that one element, so errors and their messages stay the general path's.
/// </summary>
internal sealed class UnicodeToFloat64Loop<TOut>(int chars, CastLoop fallback) : CastLoop where TOut : struct, IElementIO<double>
{
    public override bool CanFail => true;

    public override void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count)
    {
        Span<char> text = stackalloc char[chars];
        for (long i = 0; i < count; i++, srcOffset += srcStride, dstOffset += dstStride)
        {
            ref uint element = ref Unsafe.As<byte, uint>(ref src.At(srcOffset));
            int end = chars;
            // Trailing NULs are padding.
            while (end > 0 && Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref element, end - 1))) == 0)
                end--;
            bool ascii = true;
            for (int j = 0; j < end; j++)
            {
                uint c = Unsafe.ReadUnaligned<uint>(ref Unsafe.As<uint, byte>(ref Unsafe.Add(ref element, j)));
                ascii &= c < 0x80;
                text[j] = (char)c;
            }
            if (ascii && DTypes.PythonNumberSyntax.TryParseFloat(text[..end], out double value))
                TOut.Write(ref dst.At(dstOffset), value);
            else
                fallback.Run(src, srcOffset, srcStride, dst, dstOffset, dstStride, 1);
        }
    }
}
