using System.Collections;
using System.Runtime.InteropServices;

namespace NumNet.Creation;

/// <summary>
/// Stage 5 of the coercion pipeline: walks the input a second time, as discovery classified it, and stores every
/// leaf into the new array. Scalars go through a <see cref="LeafWriter"/>; nested arrays through the casting seam,
/// block by block.
/// </summary>
internal sealed class Filler
{
    private readonly NDArray _result;
    private readonly Classifier _classifier;
    private readonly LeafWriter _writer;
    private readonly long[] _strides;
    private readonly int _ndim;
    private readonly LeafWriter.Fallback _fallback;

    private Filler(NDArray result, Classifier classifier)
    {
        _result = result;
        _classifier = classifier;
        _writer = LeafWriter.For(result);
        _strides = result.StridesRef;
        _ndim = result.NDim;
        _fallback = ArrayLeaf;
    }

    /// <summary>Fills <paramref name="result"/>, whose shape and dtype discovery found for <paramref name="root"/>.</summary>
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
        if (node.Kind == NodeKind.Array)
        {
            CopyArray(node.Array!, depth, offset);
            return;
        }
        if (node.Kind != NodeKind.Sequence)
            throw new InvalidOperationException("discovery and fill disagree about the input's structure");
        var items = node.Items!;
        long stride = _strides[depth];
        if (depth == _ndim - 1)
        {
            if (items is object?[] array)
            {
                _writer.WriteRow(array, offset, stride, _fallback);
                return;
            }
            if (items is List<object?> list)
            {
                _writer.WriteRow(CollectionsMarshal.AsSpan(list), offset, stride, _fallback);
                return;
            }
        }
        for (int i = 0; i < items.Count; i++)
            Node(items[i], depth + 1, offset + i * stride);
    }

    private void Leaf(object? obj, long offset)
    {
        if (obj is NDArray || (obj is not null && !ScalarDTypes.IsKnownScalar(obj) && obj is not IEnumerable))
        {
            ArrayLeaf(obj, offset);
            return;
        }
        _writer.Write(offset, obj);
    }

    // A leaf position holding an array-like: a 0-d array is its one value; anything else is an element only of an
    // object array (a ragged input), where it is stored as it is.
    private void ArrayLeaf(object? obj, long offset)
    {
        var node = _classifier.Resolve(obj);
        if (node.Kind == NodeKind.Array && node.Array!.NDim == 0)
        {
            CopyArray(node.Array, _ndim, offset);
            return;
        }
        _writer.Write(offset, obj);
    }

    private void CopyArray(NDArray source, int depth, long offset)
    {
        var shape = _result.ShapeRef.AsSpan(depth).ToArray();
        var strides = _strides.AsSpan(depth).ToArray();
        using var target = new NDArray(_result.DType, _result.Buffer, offset, shape, strides, _result);
        // Same dtype is a plain byte copy (rows of a double[][] into a float64 result): no cast loop needed.
        if (source.DType == target.DType)
            Layout.StridedCopy.Copy(source, target);
        else
            Casting.CastEngine.CastInto(source, target);
    }
}
