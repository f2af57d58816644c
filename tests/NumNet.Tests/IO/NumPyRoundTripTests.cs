using System.Text.Json;
using Xunit.Abstractions;

namespace NumNet.Tests.IO;

/// <summary>
/// What NumNet saves, real NumPy loads with the same dtype, shape and bytes. Runs Debian's /usr/bin/python3 with
/// NumPy; where either is missing the test says so in its output and passes, except under CI=true (<see cref="SystemNumPy"/>).
/// </summary>
public sealed class NumPyRoundTripTests(ITestOutputHelper output)
{
    private const string Checker = """
        import json, sys
        import numpy as np
        folder = sys.argv[1]
        cases = json.load(open(folder + "/expected.json"))
        bad = []
        for name, exp in cases.items():
            if exp["archive"]:
                with np.load(folder + "/" + exp["file"]) as z:
                    a = z[exp["member"]]
            else:
                a = np.load(folder + "/" + exp["file"])
            got = [a.dtype.str, list(a.shape), bool(a.flags.f_contiguous and not a.flags.c_contiguous), np.ascontiguousarray(a).tobytes().hex()]
            want = [exp["descr"], exp["shape"], exp["fortran"], exp["bytes"]]
            if got != want:
                bad.append(name + ": got " + repr(got)[:200] + " want " + repr(want)[:200])
        print("\n".join(bad))
        print("checked", len(cases))
        sys.exit(1 if bad else 0)
        """;

    [Fact]
    public void Numpy_loads_what_numnet_saved()
    {
        if (!SystemNumPy.Available(out string why))
        {
            output.WriteLine("SKIPPED: " + why);
            return;
        }
        using var dir = new TempDir();
        var expected = new Dictionary<string, object>();

        void Add(string name, NDArray a, string file, string? member = null) => expected[name] = new
        {
            file,
            archive = member is not null,
            member,
            descr = a.DType.Str,
            shape = a.Shape,
            fortran = a.IsFContiguous && !a.IsCContiguous,
            bytes = Convert.ToHexString(IoTestData.CBytes(a)).ToLowerInvariant(),
        };

        foreach (var e in IoTestData.Manifest)
        {
            using var a = np.load<NDArray>(IoTestData.Fixture(e.Name + ".npy"));
            np.save(dir.File(e.Name + ".npy"), a);
            Add(e.Name, a, e.Name + ".npy");
        }

        // Layouts made here rather than read from NumPy: views that are neither C nor F go out in C order.
        var cube = np.arange(60).Reshape(3, 4, 5);
        var made = new (string, NDArray)[]
        {
            ("transposed", cube.Transpose(2, 0, 1)),
            ("stepped", cube[np.s(null, null, -1), np.s(1, null, 2)]),
            ("fortran_copy", cube.Copy(MemoryOrder.F)),
            ("casted_f2", cube.AsType("<f2")),
            ("casted_c32", cube.AsType("G")),
            ("casted_be_U", cube.AsType(">U4")),
            ("casted_M8", cube.AsType("M8[ms]")),
        };
        foreach (var (name, a) in made)
        {
            np.save(dir.File(name + ".npy"), a);
            Add(name, a, name + ".npy");
        }
        np.savez(dir.File("plain.npz"), made);
        np.savez_compressed(dir.File("packed.npz"), made);
        foreach (var (name, a) in made)
        {
            Add("plain/" + name, a, "plain.npz", name);
            Add("packed/" + name, a, "packed.npz", name);
        }
        File.WriteAllText(dir.File("expected.json"), JsonSerializer.Serialize(expected));

        var (code, stdout, stderr) = SystemNumPy.Run("-c", Checker, dir.Path);
        output.WriteLine(stdout);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"checked {expected.Count}", stdout);
    }
}
