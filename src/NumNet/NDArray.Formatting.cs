using System.Diagnostics;
using NumNet.Formatting;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// NumPy's <c>str(a)</c>: the elements in nested brackets without the <c>array(...)</c> wrapper
    /// (<c>[[1 2]\n [3 4]]</c>), under the print options in force (see <see cref="PrintOptions"/>). A 0-d array
    /// prints as its scalar does (<c>1.5</c>, <c>abc</c>, <c>5 seconds</c>).
    /// </summary>
    public override string ToString() => ArrayPrinter.Str(this, PrintOptionsContext.Current);

    /// <summary>
    /// NumPy's <c>repr(a)</c>: <c>array([1., 2.])</c>, with <c>dtype=</c> when the values do not imply the dtype
    /// and <c>shape=</c> when the array is empty (beyond 1-d) or summarized, under the print options in force.
    /// </summary>
    public string Repr() => ArrayPrinter.Repr(this, PrintOptionsContext.Current);

    /// <summary>The debugger's one-line summary: shape, dtype and the leading elements.</summary>
    private string DebuggerPreview
    {
        get
        {
            try
            {
                var options = PrintOptions.Default with { Threshold = 6, EdgeItems = 3, LineWidth = int.MaxValue / 2 };
                string body = ArrayPrinter.Array2String(this, options, ", ", "", "");
                return $"shape={ArrayPrinter.PythonTuple(_shape)} dtype={_dtype} {body.Replace("\n", "")}";
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or ArgumentException)
            {
                return $"shape={ArrayPrinter.PythonTuple(_shape)} dtype={_dtype} <{e.GetType().Name}>";
            }
        }
    }
}

/// <summary>What the debugger shows when an <see cref="NDArray"/> is expanded: its layout and up to 1000 leading elements.</summary>
internal sealed class NDArrayDebugView(NDArray array)
{
    private const int MaxItems = 1000;

    /// <summary>Length of each dimension.</summary>
    public long[] Shape => array.Shape;

    /// <summary>The element type.</summary>
    public DType DType => array.DType;

    /// <summary>Bytes to step in each dimension.</summary>
    public long[] Strides => array.Strides;

    /// <summary>The flags.</summary>
    public ArrayFlags Flags => array.Flags;

    /// <summary>The leading elements in row-major order, boxed.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public object?[] Items
    {
        get
        {
            long count = Math.Min(array.Size, MaxItems);
            var items = new object?[count];
            var index = new long[array.NDim];
            for (long k = 0; k < count; k++)
            {
                items[k] = array.GetValue(index);
                for (int axis = index.Length - 1; axis >= 0; axis--)
                {
                    if (++index[axis] < array.ShapeRef[axis])
                        break;
                    index[axis] = 0;
                }
            }
            return items;
        }
    }
}
