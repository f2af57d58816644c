using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NumNet.Creation;

/// <summary>
/// Stage 5 of the coercion pipeline: walks the input a second time, as discovery classified it, and stores every
/// leaf into the new array. Scalars go through a <see cref="LeafWriter"/>; nested arrays through the casting seam,
/// block by block.
/// </summary>
/// <remarks>
/// Nothing discovery measured is assumed: each sequence is read once here (<see cref="SequenceSnapshot"/>, or its
/// Count asked once) and its length checked against the result's dimension before any item is written, and each
/// nested array's shape against the block it fills. A source that changed since discovery (a list whose Count lies,
/// a row another thread replaced) is an <see cref="ArgumentException"/> from <see cref="SourceChanged"/>, never a
/// write outside the result or a result left partly unwritten.
/// </remarks>
internal sealed class Filler
{
    private readonly NDArray _result;
    private readonly Classifier _classifier;
    private readonly LeafWriter _writer;
    private readonly long[] _shape;
    private readonly long[] _strides;
    private readonly int _ndim;
    private readonly LeafWriter.Fallback _fallback;
    // The index of the node being filled, for the message when the source changed.
    private readonly long[] _index;

    private Filler(NDArray result, Classifier classifier)
    {
        _result = result;
        _classifier = classifier;
        _writer = LeafWriter.For(result);
        _shape = result.ShapeRef;
        _strides = result.StridesRef;
        _ndim = result.NDim;
        _fallback = ArrayLeaf;
        _index = new long[_ndim];
    }

    /// <summary>Fills <paramref name="result"/>, whose shape and dtype discovery found for <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="root"/> no longer has the shape discovery found.</exception>
    public static void Run(NDArray result, object? root, Classifier classifier)
    {
        if (result.Size == 0)
            return;
        new Filler(result, classifier).Node(root, 0, result.Offset);
    }

    private void Node(object? obj, int depth, long offset)
    {
        if (depth == _ndim)
        {
            Leaf(obj, offset);
            return;
        }
        var node = _classifier.Resolve(obj);
        switch (node.Kind)
        {
            case NodeKind.Array:
                CopyArray(node.Array!, depth, offset);
                return;
            case NodeKind.Sequence:
                Sequence(node.Items!, depth, offset);
                return;
            case NodeKind.Scalar:
                throw SourceChanged.NotASequence(_index.AsSpan(0, depth), obj);
        }
    }

    private void Sequence(IList items, int depth, long offset)
    {
        long stride = _strides[depth];
        if (SequenceSnapshot.TryItems(items, out var span))
        {
            ExpectLength(span.Length, depth);
            if (depth == _ndim - 1)
            {
                _writer.WriteRow(span, offset, stride, _fallback);
                return;
            }
            for (int i = 0; i < span.Length; i++)
            {
                _index[depth] = i;
                Node(span[i], depth + 1, offset + i * stride);
            }
            return;
        }
        // Asked once: a list whose Count changes is held to the answer checked here.
        int count = items.Count;
        ExpectLength(count, depth);
        for (int i = 0; i < count; i++)
        {
            _index[depth] = i;
            Node(items[i], depth + 1, offset + i * stride);
        }
    }

    private void ExpectLength(long length, int depth)
    {
        if (length != _shape[depth])
            throw SourceChanged.Length(_index.AsSpan(0, depth), _shape[depth], length);
    }

    private void Leaf(object? obj, long offset)
    {
        if (ScalarPack.OwnDType(obj) is { } own)
        {
            Pack(obj!, own, offset);
            return;
        }
        if (obj is NDArray || (obj is not null && !ScalarDTypes.IsKnownScalar(obj) && obj is not IEnumerable))
        {
            ArrayLeaf(obj, offset);
            return;
        }
        _writer.Write(offset, obj);
    }

    // A leaf position holding an array-like: a 0-d array is its one value; anything else is an element only of an
    // object array (a ragged input), where it is stored as it is. Any other result had a scalar here when discovered.
    private void ArrayLeaf(object? obj, long offset)
    {
        if (ScalarPack.OwnDType(obj) is { } own)
        {
            Pack(obj!, own, offset);
            return;
        }
        var node = _classifier.Resolve(obj);
        if (node.Kind == NodeKind.Array && node.Array!.NDim == 0)
        {
            CopyArray(node.Array, _ndim, offset);
            return;
        }
        if (node.Kind != NodeKind.Scalar && !_result.DType.IsObject)
            throw SourceChanged.NotAScalar(_index.AsSpan(0, Math.Max(0, _ndim - 1)), obj!);
        _writer.Write(offset, obj);
    }

    // A NumPy scalar, as PyArray_Pack stores it: the element's setitem when the dtype takes the scalar, else a cast
    // from the scalar's own dtype (one element through a numeric line loop when one exists, else the cast engine).
    private void Pack(object value, DType own, long offset)
    {
        var target = _result.DType;
        if (target.IsObject)
        {
            _writer.Write(offset, ScalarPack.Unwrap(value));
            return;
        }
        if (ScalarPack.TakesDirectly(target, own))
        {
            _writer.Write(offset, ScalarPack.SetItemArgument(value, own, target));
            return;
        }
        ScalarPack.CheckSetItemRule(value, own, target);
        if (ScalarPack.SetsWithinClass(own, target))
        {
            _writer.Write(offset, ScalarPack.Unwrap(value));
            return;
        }
        if (Casting.CastEngine.LineLoop(own, target) is { } loop)
        {
            Span<byte> source = stackalloc byte[own.ItemSize];
            own.Family.SetBoxed(source, ScalarPack.Unwrap(value), own);
            Debug.Assert(FillBounds.Within(_result.Buffer, offset, target.ItemSize), "a leaf lies outside the result");
            using var lease = _result.Lease();
            loop.RunLine(ref MemoryMarshal.GetReference(source), 0, ref lease.At(offset), 0, 1);
            return;
        }
        using var cell = ScalarPack.Cell(value, own);
        CopyArray(cell, _ndim, offset);
    }

    private void CopyArray(NDArray source, int depth, long offset)
    {
        var shape = _result.ShapeRef.AsSpan(depth);
        if (!source.ShapeRef.AsSpan().SequenceEqual(shape))
            throw SourceChanged.ArrayShape(_index.AsSpan(0, depth), shape, source.ShapeRef);
        using var target = new NDArray(_result.DType, _result.Buffer, offset, shape.ToArray(), _strides.AsSpan(depth).ToArray(), _result);
        // Same dtype is a plain byte copy (rows of a double[][] into a float64 result): no cast loop needed.
        if (source.DType == target.DType)
            Layout.StridedCopy.Copy(source, target);
        else
            Casting.CastEngine.CastInto(source, target);
    }
}
