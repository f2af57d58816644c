using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting.Loops;
using NumNet.DTypes;
using NumNet.DTypes.Builtin;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// Stores scalar leaves into a new array with NumPy's per-leaf conversion rules (<see cref="ScalarCoercion"/>). One
/// writer is made per call for the result's dtype, so the element loop never dispatches on the dtype: values already
/// of the element type (and Python ints that fit) are stored directly, everything else goes through the dtype's
/// boxed setter.
/// </summary>
internal abstract class LeafWriter
{
    /// <summary>Called for a leaf the writer does not store itself (an array-like in leaf position, a NumPy scalar).</summary>
    public delegate void Fallback(object? value, long byteOffset);

    /// <summary>The writer for <paramref name="result"/>'s dtype.</summary>
    public static LeafWriter For(NDArray result)
    {
        if (result.DType.IsObject)
            return new ObjectWriter(result);
        var visitor = new Factory(result);
        return result.DType.Family.Accept<Factory, LeafWriter>(ref visitor);
    }

    /// <summary>Stores one scalar at <paramref name="byteOffset"/> in the result's buffer.</summary>
    /// <remarks>The caller keeps <paramref name="byteOffset"/> inside the buffer (asserted in debug builds).</remarks>
    public abstract void Write(long byteOffset, object? value);

    /// <summary>
    /// Stores a row of leaves, item <c>i</c> at <c>byteOffset + i * stride</c>. Items the writer does not store itself
    /// (array-likes, and NumPy scalars other than values of the element type) go to <paramref name="fallback"/>.
    /// </summary>
    /// <remarks>The caller checked the row's length against the result's dimension (asserted in debug builds).</remarks>
    public abstract void WriteRow(ReadOnlySpan<object?> items, long byteOffset, long stride, Fallback fallback);

    /// <summary>
    /// True when <paramref name="value"/> is not the writer's to store: an array-like, or a NumPy scalar, which the
    /// filler packs as NumPy does (<see cref="ScalarPack"/>).
    /// </summary>
    protected static bool IsFillersLeaf(object? value) =>
        value is not null && (!ScalarDTypes.IsKnownScalar(value) || ScalarPack.OwnDType(value) is not null);

    private readonly struct Factory(NDArray result) : IDTypeVisitor<LeafWriter>
    {
        public LeafWriter Visit<T>() where T : unmanaged => new TypedWriter<T>(result);

        public LeafWriter VisitOther(DTypeClass dtypeClass) => new BoxedWriter(result);
    }

    /// <summary>Object arrays: the leaf itself is the element.</summary>
    private sealed class ObjectWriter(NDArray result) : LeafWriter
    {
        public override void Write(long byteOffset, object? value)
        {
            using var lease = result.Lease();
            lease.Objects[byteOffset / ObjectBuffer.ElementSize] = value;
        }

        public override void WriteRow(ReadOnlySpan<object?> items, long byteOffset, long stride, Fallback fallback)
        {
            Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, items.Length, stride, ObjectBuffer.ElementSize), "a row runs past the result");
            using var lease = result.Lease();
            var objects = lease.Objects;
            foreach (var item in items)
            {
                if (item is NDArray or NumPyScalar)
                    fallback(item, byteOffset);
                else
                    objects[byteOffset / ObjectBuffer.ElementSize] = item;
                byteOffset += stride;
            }
        }
    }

    /// <summary>S, U and V: every leaf goes through the family's setter.</summary>
    private sealed class BoxedWriter(NDArray result) : LeafWriter
    {
        private readonly DType _dtype = result.DType;

        public override void Write(long byteOffset, object? value)
        {
            Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, _dtype.ItemSize), "a leaf lies outside the result");
            using var lease = result.Lease();
            _dtype.Family.SetBoxed(lease.Bytes(byteOffset, _dtype.ItemSize), value, _dtype);
        }

        public override void WriteRow(ReadOnlySpan<object?> items, long byteOffset, long stride, Fallback fallback)
        {
            Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, items.Length, stride, _dtype.ItemSize), "a row runs past the result");
            foreach (var item in items)
            {
                if (IsFillersLeaf(item))
                    fallback(item, byteOffset);
                else
                    Write(byteOffset, item);
                byteOffset += stride;
            }
        }
    }

    /// <summary>Fixed-size elements of type <typeparamref name="T"/>.</summary>
    private sealed class TypedWriter<T>(NDArray result) : LeafWriter where T : unmanaged
    {
        private readonly DType _dtype = result.DType;
        private readonly FixedSizeClass<T> _family = (FixedSizeClass<T>)result.DType.Family;
        // Unit-less datetime64 refuses integers (a count needs a unit), so its leaves all take the checked path.
        private readonly bool _direct = result.DType.IsNative && result.DType is not { Code: DTypeCode.DateTime64, DateTimeMeta.IsGeneric: true };
        // The last .NET type TryPlanned learnt a plan for, and the plan.
        private Type? _planType;
        private DType? _planOwn;
        private ByteCastLoop? _planLine;

        public override void Write(long byteOffset, object? value)
        {
            Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, Unsafe.SizeOf<T>()), "a leaf lies outside the result");
            using var lease = result.Lease();
            ref byte dst = ref lease.At(byteOffset);
            if (!TryDirect(ref dst, value))
                Slow(ref dst, value);
        }

        public override void WriteRow(ReadOnlySpan<object?> items, long byteOffset, long stride, Fallback fallback)
        {
            Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, items.Length, stride, Unsafe.SizeOf<T>()), "a row runs past the result");
            using var lease = result.Lease();
            ref byte row = ref lease.At(byteOffset);
            for (int i = 0; i < items.Length; i++)
            {
                ref byte dst = ref Unsafe.Add(ref row, (nint)(i * stride));
                var item = items[i];
                if (TryDirect(ref dst, item) || TryPlanned(ref dst, item))
                    continue;
                if (IsFillersLeaf(item))
                    fallback(item, byteOffset + i * stride);
                else
                    Slow(ref dst, item);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool TryDirect(ref byte dst, object? value)
        {
            if (!_direct)
                return false;
            if (value is T t)
            {
                Unsafe.WriteUnaligned(ref dst, t);
                return true;
            }
            // Python ints that fit, the most common leaf after the element type itself.
            if (value is BigInteger big)
            {
                if (typeof(T) == typeof(long) && ScalarDTypes.FitsInt64(big))
                {
                    Unsafe.WriteUnaligned(ref dst, (long)big);
                    return true;
                }
                if (typeof(T) == typeof(double) && ScalarDTypes.FitsInt64(big))
                {
                    Unsafe.WriteUnaligned(ref dst, (double)(long)big);
                    return true;
                }
            }
            return false;
        }

        // A NumPy scalar of a type met before in this row: stored by the plan learnt once for its type
        // (ScalarPack.TryPlanForType), so a row of them is not handed to the filler value by value.
        private bool TryPlanned(ref byte dst, object? item)
        {
            if (item is null)
                return false;
            var type = item.GetType();
            if (!ReferenceEquals(type, _planType))
            {
                // Only a plan is kept: a row mixing one NumPy scalar type with Python values keeps its plan.
                if (!ScalarPack.TryPlanForType(type, _dtype, out var own, out var line))
                    return false;
                (_planType, _planOwn, _planLine) = (type, own, line);
            }
            if (_planLine is null)
                Slow(ref dst, item);
            else
                CastOne(ref dst, item, _planOwn!, _planLine);
            return true;
        }

        private static void CastOne(ref byte dst, object item, DType own, ByteCastLoop line)
        {
            Span<byte> source = stackalloc byte[32];
            source = source[..own.ItemSize];
            own.Family.SetBoxed(source, item, own);
            line.RunLine(ref MemoryMarshal.GetReference(source), 0, ref dst, 0, 1);
        }

        private void Slow(ref byte dst, object? value) =>
            _family.SetBoxed(MemoryMarshal.CreateSpan(ref dst, Unsafe.SizeOf<T>()), value, _dtype);
    }
}
