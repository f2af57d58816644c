// A consumer of the NumNet package as a .NET user writes one (issue 17's check): .ci/run builds it in a temporary
// folder against the package just packed, runs it, and counts a non-zero exit (a wrong value) as a failed test.
using NumNet;

int failures = 0;
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
        failures++;
}

using var zeros = np.zeros(3);
Check(zeros.Shape.SequenceEqual([3L]) && zeros.DType == np.float64 && zeros.ToArray<double>().All(v => v == 0), "np.zeros(3)");

using var ints = np.arange(6);
Check(ints.DType == np.int64 && ints.GetItem<double>(5) == 5.0, "GetItem<double> on an int64 array");

using var doubles = np.asarray(new[] { 1.5, 2.25, -0.125 });
Check(doubles.ToArray<float>().SequenceEqual([1.5f, 2.25f, -0.125f]), "ToArray<float> on a float64 array");

using var a = ints.Reshape(3, 2).AsType(np.float64);
var rowSums = new List<double>();
foreach (var row in a)
    rowSums.Add(row.ToArray<double>().Sum());
Check(rowSums.SequenceEqual([1.0, 5.0, 9.0]), "foreach over rows");

a[1.., ..] = 0.0;
Check(a.ToArray<double>().SequenceEqual([0.0, 1.0, 0.0, 0.0, 0.0, 0.0]), "a[1.., ..] = 0.0");

using var fortran = np.asarray(a, order: MemoryOrder.F);
Check(fortran.IsFContiguous && !fortran.IsCContiguous && fortran.ToArray<double>().SequenceEqual(a.ToArray<double>()),
    "np.asarray(x, order: MemoryOrder.F)");

using var dates = np.asarray(new[] { "2024-02-29T13:45:30", "1999-12-31" }, dtype: "M8[s]");
Check(dates.GetItem<DateTime>(0) == new DateTime(2024, 2, 29, 13, 45, 30)
      && dates.ToArray<DateTime>().SequenceEqual([new DateTime(2024, 2, 29, 13, 45, 30), new DateTime(1999, 12, 31)]),
    "DateTime reads");

Console.WriteLine(failures == 0 ? "package check: all values right" : $"package check: {failures} wrong");
return failures == 0 ? 0 : 1;
