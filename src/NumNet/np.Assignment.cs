using System.Numerics;
using NumNet.Casting;
using NumNet.Layout;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.copyto(dst, src, casting='same_kind')</c>: writes <paramref name="src"/>, broadcast to
    /// <paramref name="dst"/>'s shape, into <paramref name="dst"/>, converting under <paramref name="casting"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <paramref name="src"/> is any array-like. A .NET number that is not an array plays a Python scalar, as NumPy 2
    /// (NEP 50) treats one: an integer into an integer or floating array takes that array's dtype and must fit it
    /// (300 into int8 is an <see cref="OverflowException"/>), a <c>double</c> into a floating array likewise; an
    /// integer into a bool array or a <c>double</c> into an integer array is judged by its default dtype (int64,
    /// float64), which <c>same_kind</c> refuses.
    /// </para>
    /// <para>
    /// When <paramref name="src"/> shares memory with <paramref name="dst"/> (<c>np.copyto(a[1:], a[:-1])</c>), it
    /// is copied first, so the result is as if every value were read before any was written.
    /// </para>
    /// </remarks>
    /// <exception cref="ReadOnlyArrayException"><paramref name="dst"/> is not writeable.</exception>
    /// <exception cref="ArgumentException">The shapes do not broadcast, or <paramref name="casting"/> is not a rule.</exception>
    /// <exception cref="InvalidCastException">The cast is not allowed under <paramref name="casting"/>.</exception>
    /// <exception cref="OverflowException">A scalar does not fit <paramref name="dst"/>'s dtype.</exception>
    public static void copyto(NDArray dst, object? src, CastingLike? casting = null)
    {
        ArgumentNullException.ThrowIfNull(dst);
        var rule = casting?.Rule ?? CastingRule.SameKind;
        dst.EnsureWriteable();
        var value = src as NDArray ?? ScalarOperand(src, dst.DType);
        try
        {
            if (!CastSafety.Allows(rule, value.DType, dst.DType))
                throw CastSafety.Refused(value.DType, dst.DType, rule);
            Assign(dst, value);
        }
        finally
        {
            if (!ReferenceEquals(value, src))
                value.Dispose();
        }
    }

    /// <summary>
    /// Broadcasts <paramref name="value"/> to <paramref name="dst"/>'s shape and casts it in, whatever the dtypes
    /// (the check of the casting rule is the caller's); a value that shares memory with the destination is copied first.
    /// </summary>
    internal static void Assign(NDArray dst, NDArray value)
    {
        var repeated = Broadcast.To(value, dst.ShapeRef);
        try
        {
            if (dst.Size == 0)
                return;
            if (MemoryOverlap.MayShare(repeated, dst))
            {
                using var snapshot = repeated.Copy(MemoryOrder.K);
                CastEngine.CastInto(snapshot, dst);
                return;
            }
            CastEngine.CastInto(repeated, dst);
        }
        finally
        {
            // A view made here gives its claim on the memory back at once; the caller's own array is not ours.
            if (!ReferenceEquals(repeated, value))
                repeated.Dispose();
        }
    }

    // The array NumPy's copyto makes of a non-array source: a Python-like number whose kind the destination's dtype
    // can hold takes that dtype (its value must fit); anything else is discovered as asarray discovers it.
    private static NDArray ScalarOperand(object? src, DType target)
    {
        char kind = target.Kind;
        bool takesTarget = src switch
        {
            sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or BigInteger
                or PythonScalar { Kind: PythonScalarKind.Int } => kind is 'i' or 'u' or 'f' or 'c' or 'O',
            double or PythonScalar { Kind: PythonScalarKind.Float } => kind is 'f' or 'c' or 'O',
            Complex or PythonScalar { Kind: PythonScalarKind.Complex } => kind is 'c' or 'O',
            _ => false,
        };
        object? plain = src is PythonScalar p ? p.ToObject() : src;
        return takesTarget ? asarray(plain, dtype: target) : asarray(plain);
    }
}
