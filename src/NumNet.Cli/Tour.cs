namespace NumNet.Cli;

/// <summary>
/// <c>numnet tour</c>: NumNet's features in the order a NumPy user meets them, each line showing the NumPy call and
/// what NumNet answers.
/// </summary>
public static class Tour
{
    /// <summary>Writes the tour.</summary>
    public static void Run(TextWriter o)
    {
        Section(o, "dtypes: what an element is");
        foreach (var spec in new[] { "float32", "int", "complex", "<U5", "S10", ">i4", "M8[ns]", "g" })
        {
            var d = np.dtype(spec);
            o.WriteLine($">>> np.dtype('{spec}')");
            o.WriteLine(d.Repr());
            o.WriteLine($"    name={d.Name} str={d.Str} char={d.Char} kind={d.Kind} itemsize={d.ItemSize} byteorder={d.ByteOrder}");
        }

        Section(o, "layout: shape, strides and views");
        var a = np.arange(12).Reshape(3, 4);
        o.WriteLine(">>> a = np.arange(12).reshape(3, 4)");
        Show(o, "a.shape", Tuple(a.Shape));
        Show(o, "a.strides", Tuple(a.Strides));
        var v = a[np.s(1, null), np.s(null, null, 2)];
        o.WriteLine(">>> v = a[1:, ::2]");
        Show(o, "v.shape", Tuple(v.Shape));
        Show(o, "v.strides", Tuple(v.Strides));
        Show(o, "v.base is a.base", Py(ReferenceEquals(v.Base, a.Base)));
        Show(o, "np.shares_memory(a, v)", Py(np.shares_memory(a, v)));
        v.SetItem(99L, 0, 0);
        o.WriteLine(">>> v[0, 0] = 99");
        Show(o, "a[1, 0]", a.GetItem<long>(1, 0).ToString());

        Section(o, "ravel: a view exactly when the memory allows");
        foreach (var (label, arr) in new[] { ("a", a), ("a.T", a.T) })
        {
            foreach (var order in new[] { "C", "F", "K" })
            {
                var r = arr.Ravel(order);
                Show(o, $"np.shares_memory({label}, {label}.ravel('{order}'))", Py(np.shares_memory(arr, r)));
            }
        }
        var t = a.T;
        Show(o, "a.T.flags['F_CONTIGUOUS']", Py(t.IsFContiguous));
        Show(o, "np.ascontiguousarray(a.T).strides", Tuple(np.ascontiguousarray(t).Strides));
        Show(o, "a.T.copy(order='K').strides", Tuple(t.Copy(MemoryOrder.K).Strides));
        Show(o, "a[::-1].copy(order='K').strides", Tuple(a[np.s(null, null, -1)].Copy(MemoryOrder.K).Strides));
        o.WriteLine();
    }

    private static void Section(TextWriter o, string title)
    {
        o.WriteLine();
        o.WriteLine($"# {title}");
    }

    private static void Show(TextWriter o, string expr, string value)
    {
        o.WriteLine($">>> {expr}");
        o.WriteLine(value);
    }

    private static string Py(bool b) => b ? "True" : "False";

    private static string Tuple(long[] v) => v.Length == 1 ? $"({v[0]},)" : "(" + string.Join(", ", v) + ")";
}
