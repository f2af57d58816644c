using NumNet.Hostile;
using Python.Runtime;

namespace NumNet.Python.Hostile;

/// <summary>The acceptance program of issue 16, with its claims checked.</summary>
public static class Acceptance
{
    [Scenario("python-acceptance")]
    public static void Program()
    {
        // The issue's program, as a user writes it (the runner has initialised Python and enabled NumNet.Python).
        dynamic numpy = Py.Import("numpy");
        PyObject a = numpy.arange(12.0).reshape(3, 4).T;          // a non-contiguous view
        NDArray x = np.asarray(a);                                  // zero-copy
        PyObject back = x.ToPython();                               // numpy.ndarray over NumNet memory

        Expect.That(x.DType.Str == (string)a.GetAttr("dtype").GetAttr("str").As<string>(), $"dtype {x.DType.Str}");
        Expect.That(string.Join(",", x.Shape) == "4,3", $"shape {string.Join(",", x.Shape)}");
        Expect.That(string.Join(",", x.Strides) == "8,32", $"strides {string.Join(",", x.Strides)}");
        Expect.That((bool)numpy.shares_memory(back, a), "back does not share a's memory");
        Expect.That(((PyObject)((dynamic)back).strides).Repr() == "(8, 32)", "back's strides");
        Expect.That(((PyObject)((dynamic)back).shape).Repr() == "(4, 3)", "back's shape");

        // A write through each side is seen by the others.
        ((dynamic)a).itemset(1, 2, 100.0);
        Expect.That(x.GetItem<double>(1, 2) == 100.0, "x does not see a write through a");
        x.SetItem(-7.0, 3, 2);
        Expect.That((double)((dynamic)a).item(3, 2) == -7.0, "a does not see a write through x");
        Expect.That((double)((dynamic)back).item(3, 2) == -7.0, "back does not see a write through x");
        ((dynamic)back).itemset(0, 0, 55.0);
        Expect.That((double)((dynamic)a).item(0, 0) == 55.0, "a does not see a write through back");
        Expect.That((bool)numpy.array_equal(back, a), "values differ");
    }
}
