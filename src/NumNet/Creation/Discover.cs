using System.Buffers;
using System.Collections;
using System.Diagnostics;
using System.Numerics;
using NumNet.Internal;
using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>The outcome of discovery: the shape, the dtype, and the classifier holding what was converted.</summary>
internal sealed record Discovered(long[] Shape, DType DType, Classifier Classifier);

/// <summary>
/// Stage 2 of the coercion pipeline: one depth-first walk over nested input that finds the shape and the dtype
/// together, as NumPy's discovery does. Every node reports its dimensions; a scalar or an array fixes how deep the
/// result goes, and any later node that disagrees makes the input ragged. Leaves are promoted into one dtype unless
/// a complete dtype was requested.
/// </summary>
internal sealed class Discoverer
{
    private readonly Classifier _classifier;
    private readonly RequestedDType _request;
    private readonly long[] _shape = new long[ShapeMath.MaxDims + 1];
    private readonly HashSet<object> _path = new(ReferenceEqualityComparer.Instance);
    private int _maxDims = ShapeMath.MaxDims;
    private bool _dimsFixed;
    private bool _ragged;
    private DType? _dtype;
    private (DType? From, DType? With, DType? Result) _lastCombined;

    private Discoverer(Classifier classifier, RequestedDType request)
    {
        _classifier = classifier;
        _request = request;
    }

    /// <summary>Discovers the shape and dtype of <paramref name="obj"/>.</summary>
    /// <exception cref="ArgumentException">Ragged input without dtype object, input nested too deep, or a sequence that contains itself.</exception>
    public static Discovered Run(object? obj, RequestedDType request, Classifier classifier)
    {
        var d = new Discoverer(classifier, request);
        d.Walk(obj, 0);
        int ndim = d._maxDims;
        var shape = d._shape.AsSpan(0, ndim).ToArray();
        if (d._ragged && !request.AllowsRagged)
            throw Ragged(ndim, shape);
        return new Discovered(shape, request.Finish(d._dtype), classifier);
    }

    private static ArgumentException Ragged(int ndim, long[] shape) => ndim == ShapeMath.MaxDims
        ? new ArgumentException($"setting an array element with a sequence. The requested array would exceed the maximum number of dimension of {ShapeMath.MaxDims}.")
        : new ArgumentException(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
            $"{ndim} dimensions. The detected shape was {ShapeMath.Format(shape)} + inhomogeneous part.");

    private void Walk(object? obj, int depth)
    {
        var node = _classifier.Resolve(obj);
        switch (node.Kind)
        {
            case NodeKind.Scalar:
                Scalar(obj, depth);
                return;
            case NodeKind.Array:
                var array = node.Array!;
                if (!UpdateShape(depth, array.ShapeRef, sequence: false))
                {
                    _ragged = true;
                    return;
                }
                if (!_request.IsComplete)
                    Promote(_request.LeafOfArray(array));
                return;
            default:
                Sequence(obj!, node.Items!, depth);
                return;
        }
    }

    private void Scalar(object? obj, int depth)
    {
        if (!UpdateShape(depth, [], sequence: false))
        {
            _ragged = true;
            return;
        }
        if (!_request.IsComplete)
            Promote(_request.LeafOfScalar(obj));
    }

    private void Sequence(object obj, IList items, int depth)
    {
        if (depth == _maxDims)
        {
            // Deeper than the result can go: the sequence is an element, and the input is ragged (or too deep).
            Scalar(obj, depth);
            _ragged = true;
            return;
        }
        // One read: the length measured is the length of the items walked.
        bool fast = SequenceSnapshot.TryItems(items, out var span);
        int count = fast ? span.Length : items.Count;
        if (!UpdateShape(depth, [count], sequence: true))
        {
            _ragged = true;
            return;
        }
        if (count == 0)
        {
            _dimsFixed = true;
            _maxDims = depth + 1;
            return;
        }
        if (!_path.Add(obj))
            throw new ArgumentException($"the input contains itself (a {obj.GetType().Name} is its own element at depth {depth}); it cannot become an array");
        try
        {
            if (fast)
                Items(span, depth + 1);
            else
            {
                for (int i = 0; i < count; i++)
                    Walk(items[i], depth + 1);
            }
        }
        finally
        {
            _path.Remove(obj);
        }
    }

    // The hot loop for rows of boxed leaves: once a leaf has fixed the depth, later leaves of the same type (and, for
    // Python ints, in the same range) change neither the shape nor the dtype, so they are skipped without a lookup.
    private void Items(ReadOnlySpan<object?> items, int depth)
    {
        if (depth == 1 && !_dimsFixed && _request.DType is null && TryLeavesOnThreads(items))
            return;
        Type? same = null;
        bool fixedAtThisDepth = false;
        foreach (var item in items)
        {
            if (fixedAtThisDepth && item is not null)
            {
                if (ReferenceEquals(item.GetType(), same))
                    continue;
                if (item is BigInteger big && ReferenceEquals(_dtype, np.int64) && !_request.IsComplete && ScalarDTypes.FitsInt64(big))
                    continue;
            }
            Walk(item, depth);
            fixedAtThisDepth = _dimsFixed && _maxDims == depth && !_ragged;
            same = item is not null && _request.CanSkip(item.GetType()) ? item.GetType() : null;
        }
    }

    // A long top-level row of scalars (Python ints past int64, numbers of mixed types, text): each leaf's dtype is
    // found on up to MaxThreads threads, then folded in order here, as the walk would fold it, so the dtype is the
    // walk's; a row holding anything else (or any part failing) is left to the walk, which then answers as before.
    private bool TryLeavesOnThreads(ReadOnlySpan<object?> items)
    {
        int parts = SplitParts.Threads(items.Length, items.Length);
        if (parts == 1)
            return false;
        var leaves = ArrayPool<DType?>.Shared.Rent(items.Length);
        try
        {
            if (!SplitParts.RunOver(items, parts, (all, first, end, part, stop) => LeafDTypes(all, first, end, leaves, part, stop)))
                return false;
            // What the walk's first scalar does to the shape; the later ones at this depth change nothing.
            bool fixes = UpdateShape(1, [], sequence: false);
            Debug.Assert(fixes, "a first scalar at depth 1 disagreed with nothing fixed");
            for (int i = 0; i < items.Length; i++)
                Promote(leaves[i]);
            return true;
        }
        finally
        {
            Array.Clear(leaves, 0, items.Length);
            ArrayPool<DType?>.Shared.Return(leaves);
        }
    }

    // The leaf dtypes of items [first, end), or false at the first item that the classifier would not call a known
    // scalar (a sequence, an array, an object it would convert): only known scalars are judged here, without the
    // classifier, whose cache is the calling thread's.
    private bool LeafDTypes(ReadOnlySpan<object?> items, int first, int end, DType?[] leaves, int part, SplitParts.Stop stop)
    {
        for (int i = first; i < end; i++)
        {
            if ((i - first) % StopCheckEvery == 0 && stop.EarlierFailed(part))
                return false;
            var item = items[i];
            if (item is not null && (item is NDArray or IList || !ScalarDTypes.IsKnownScalar(item)))
                return false;
            leaves[i] = _request.LeafOfScalar(item);
        }
        return true;
    }

    private const int StopCheckEvery = 1 << 12;

    private void Promote(DType? leaf)
    {
        if (leaf is null)
            return;
        if (_dtype is null)
        {
            _dtype = leaf;
            return;
        }
        if (ReferenceEquals(_dtype, leaf))
            return;
        // Promotion is a pure function of the two descriptors, and a run of leaves that the dtype found so far does
        // not equal (Python ints into a float64, ints into an int64 that a uint64 made float64) repeats one pair: its
        // answer is kept rather than asked again for every leaf (65 ns each, most of the walk's time).
        if (!ReferenceEquals(_dtype, _lastCombined.From) || !ReferenceEquals(leaf, _lastCombined.With))
            _lastCombined = (_dtype, leaf, _request.Combine(_dtype, leaf));
        _dtype = _lastCombined.Result;
    }

    // NumPy's update_shape: false when the node disagrees with what earlier nodes fixed (the input is ragged).
    private bool UpdateShape(int depth, ReadOnlySpan<long> dims, bool sequence)
    {
        bool success = true;
        bool wasFixed = _dimsFixed;
        int n = dims.Length;
        if (depth + n > _maxDims)
        {
            success = false;
            n = _maxDims - depth;
        }
        else if (!sequence && _maxDims != depth + n)
        {
            _maxDims = depth + n;
            if (wasFixed)
                success = false;
        }
        for (int i = 0; i < n; i++)
        {
            if (!wasFixed)
            {
                _shape[depth + i] = dims[i];
            }
            else if (dims[i] != _shape[depth + i])
            {
                success = false;
                _maxDims = sequence ? depth : _maxDims - (n - i);
                break;
            }
        }
        if (!sequence)
            _dimsFixed = true;
        return success;
    }
}
