using System.Numerics;
using System.Text;
using NumNet.IO.Pickle;
using Xunit.Abstractions;

namespace NumNet.Tests.IO;

/// <summary>
/// Object arrays in .npy, as NumPy 2 stores them: a '|O' header and a protocol-4 pickle of the array
/// (numpy/lib/format.py, write_array: <c>pickle.dump(array, fp, protocol=4)</c>), loaded only with allowPickle
/// (read_array: "Object arrays cannot be loaded when allow_pickle=False"), and by a reader that calls nothing but
/// NumPy's own array constructors.
/// </summary>
public sealed class ObjectArrayPickleTests(ITestOutputHelper output)
{
    private static NDArray Objects(params object?[] items)
    {
        var a = np.empty(items.Length, dtype: np.object_);
        for (int i = 0; i < items.Length; i++)
            a.SetValue(items[i], i);
        return a;
    }

    private static object?[] Items(NDArray a)
    {
        using var flat = a.Flatten();
        var items = new object?[flat.Size];
        for (long i = 0; i < flat.Size; i++)
            items[i] = flat.GetValue(i);
        return items;
    }

    private static NDArray RoundTrip(NDArray a)
    {
        using var stream = new MemoryStream();
        np.save(stream, a);
        stream.Position = 0;
        return (NDArray)np.load(stream, allowPickle: true);
    }

    [Fact]
    public void NumPy_1_24s_object_fixture_loads_with_allow_pickle()
    {
        // Written by NumPy 1.24 (protocol 3, GLOBAL 'numpy.core.multiarray _reconstruct'), F-ordered: array([1, 'a', None]).
        using var a = np.load<NDArray>(IoTestData.Fixture("object.npy"), allowPickle: true);
        Assert.Equal("object", a.DType.Name);
        Assert.Equal([1L, "a", null], Items(a));
        Assert.Equal("array([1, 'a', None], dtype=object)", a.Repr());
    }

    [Fact]
    public void Without_allow_pickle_loading_is_NumPys_ValueError()
    {
        var e = Assert.Throws<ArgumentException>(() => np.load(IoTestData.Fixture("object.npy")));
        Assert.StartsWith("Object arrays cannot be loaded when allow_pickle=False", e.Message);
        var raw = Assert.Throws<ArgumentException>(() => np.load(new MemoryStream([0x80, 4, 0x95, 0, 0, 0])));
        Assert.StartsWith("This file contains pickled (object) data.", raw.Message);
    }

    [Fact]
    public void Saving_with_allow_pickle_false_is_NumPys_ValueError_and_writes_nothing()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<ArgumentException>(() => np.save(dir.File("o.npy"), Objects(1L, "a"), allowPickle: false));
        Assert.StartsWith("Object arrays cannot be saved when allow_pickle=False", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Plain_python_values_round_trip()
    {
        var values = new object?[]
        {
            null, true, false, 0L, 255L, 65536L, -1L, long.MinValue, BigInteger.Pow(10, 40), -BigInteger.Pow(2, 100),
            1.5, double.NaN, -0.0, double.PositiveInfinity, "", "héllo", "\U0001F600", "lone \uD800 surrogate",
            new string('x', 300), new byte[] { 0, 1, 255 }, new byte[300], new Complex(1, -2), 1.10m,
            new object?[] { 1L, "t" }, new List<object?> { 2.5, null },
        };
        using var back = RoundTrip(Objects(values));
        var items = Items(back);
        Assert.Equal(values.Length, items.Length);
        for (int i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case double d:
                    Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits((double)items[i]!));
                    break;
                case decimal m:
                    Assert.Equal(m.ToString(System.Globalization.CultureInfo.InvariantCulture), ((decimal)items[i]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case object?[] tuple:
                    Assert.Equal(tuple, (object?[])items[i]!);
                    break;
                case List<object?> list:
                    Assert.Equal(list, (List<object?>)items[i]!);
                    break;
                default:
                    Assert.Equal(values[i], items[i]);
                    break;
            }
        }
    }

    [Fact]
    public void NumPy_scalars_and_nested_arrays_round_trip_with_their_dtypes()
    {
        using var f = np.arange(6.0).Reshape(2, 3).Copy(MemoryOrder.F);
        using var be = np.arange(4).AsType(">i2");
        var when = new DateTime64(19000, new DateTimeMetadata(DateTimeUnit.Days));
        using var back = RoundTrip(Objects(7, 1.5f, (Half)2, when, f, be, Objects("inner", 1L)));
        var items = Items(back);
        Assert.Equal(7, Assert.IsType<int>(items[0]));
        Assert.Equal(1.5f, Assert.IsType<float>(items[1]));
        Assert.Equal((Half)2, Assert.IsType<Half>(items[2]));
        Assert.Equal(when, Assert.IsType<DateTime64>(items[3]));
        var nested = Assert.IsType<NDArray>(items[4]);
        Assert.Equal("float64", nested.DType.Name);
        Assert.True(nested.IsFContiguous && !nested.IsCContiguous);
        Assert.Equal(f.Repr(), nested.Repr());
        var swapped = Assert.IsType<NDArray>(items[5]);
        Assert.Equal(">i2", swapped.DType.Str);
        Assert.Equal(be.Repr(), swapped.Repr());
        Assert.Equal(["inner", 1L], Items(Assert.IsType<NDArray>(items[6])));
    }

    [Fact]
    public void Shape_and_fortran_order_are_kept()
    {
        using var c = Objects(1L, "b", 3.0, null, true, "f").Reshape(2, 3);
        using var fortran = c.Copy(MemoryOrder.F);
        using var back = RoundTrip(fortran);
        Assert.Equal([2L, 3L], back.Shape);
        Assert.True(back.IsFContiguous && !back.IsCContiguous);
        Assert.Equal(c.Repr(), back.Repr());
        using var stepped = RoundTrip(c.Transpose()[np.s(null, null, -1)]);
        Assert.Equal(c.Transpose()[np.s(null, null, -1)].Repr(), stepped.Repr());
    }

    [Fact]
    public void Empty_and_0d_object_arrays_round_trip()
    {
        using var empty = RoundTrip(np.empty([0, 3], dtype: np.object_));
        Assert.Equal([0L, 3L], empty.Shape);
        using var zero = np.empty([], dtype: np.object_);
        zero.SetValue("only", []);
        using var back = RoundTrip(zero);
        Assert.Equal(0, back.NDim);
        Assert.Equal("only", back.Item());
    }

    [Fact]
    public void An_element_without_a_python_counterpart_is_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<NotSupportedException>(() => np.save(dir.File("o.npy"), Objects(1L, Guid.Empty)));
        Assert.Contains("System.Guid", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        var self = np.empty(1, dtype: np.object_);
        self.SetValue(self, 0);
        Assert.Contains("nest", Assert.Throws<NotSupportedException>(() => np.save(dir.File("s.npy"), self)).Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        using var stream = new MemoryStream();
        Assert.Throws<NotSupportedException>(() => np.save(stream, Objects(1L, Guid.Empty)));
        Assert.Throws<NotSupportedException>(() => np.savez(stream, ("a", Objects(1L)), ("b", Objects(Guid.Empty))));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Npz_members_hold_object_arrays_as_numpy_does()
    {
        using var dir = new TempDir();
        np.savez(dir.File("z.npz"), ("o", Objects("a", 2L)), ("f", np.arange(3.0)));
        using (var z = np.load<NpzFile>(dir.File("z.npz")))
        {
            Assert.Equal("[0. 1. 2.]", z["f"].ToString());
            Assert.StartsWith("Object arrays cannot be loaded", Assert.Throws<ArgumentException>(() => z["o"]).Message);
        }
        using var allowed = np.load<NpzFile>(dir.File("z.npz"), allowPickle: true);
        Assert.Equal(["a", 2L], Items(allowed["o"]));
    }

    [Fact]
    public void An_object_array_cannot_be_memory_mapped()
    {
        var e = Assert.Throws<ArgumentException>(() => np.load(IoTestData.Fixture("object.npy"), mmapMode: "r", allowPickle: true));
        Assert.Equal("Array can't be memory-mapped: Python objects in dtype. (Parameter 'mmapMode')", e.Message);
    }

    [Fact]
    public void A_pickle_that_names_anything_else_is_refused_not_run()
    {
        // What a malicious .npy would hold: os.system('touch PWNED') as the pickle's call.
        byte[] evil = [0x80, 2, .. "cos\nsystem\n"u8, (byte)'X', 11, 0, 0, 0, .. "touch PWNED"u8, 0x85, (byte)'R', (byte)'.'];
        var header = HeaderTests.Npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }");
        var e = Assert.Throws<NotSupportedException>(() => np.load(new MemoryStream([.. header, .. evil]), allowPickle: true));
        Assert.Contains("'os.system'", e.Message);
    }

    [Fact]
    public void Damaged_pickles_are_invalid_data_never_a_crash_or_a_huge_allocation()
    {
        using var stream = new MemoryStream();
        np.save(stream, Objects(1L, "text", new byte[40], 2.5, Objects(3L)));
        byte[] good = stream.ToArray();
        int pickleStart = good.Length - (int)PickleLength(good);
        var random = new Random(20261205);
        int loaded = 0, refused = 0;
        for (int round = 0; round < 3000; round++)
        {
            byte[] bad = (byte[])good.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
                bad[random.Next(pickleStart, bad.Length)] = (byte)random.Next(256);
            int cut = random.Next(4) == 0 ? random.Next(pickleStart, bad.Length) : bad.Length;
            try
            {
                using var a = (NDArray)np.load(new MemoryStream(bad, 0, cut), allowPickle: true);
                _ = a.Repr();
                loaded++;
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                refused++;
            }
        }
        output.WriteLine($"{loaded} damaged pickles still loaded, {refused} refused");
        Assert.Equal(3000, loaded + refused);

        // Lengths that promise gigabytes the stream does not hold: refused, nothing that size allocated.
        foreach (byte[] huge in new[]
        {
            new byte[] { 0x80, 4, 0x8e, 0, 0, 0, 0, 0, 0, 0, 0x40, (byte)'.' },
            new byte[] { 0x80, 4, (byte)'X', 0xff, 0xff, 0xff, 0x7f, (byte)'.' },
            new byte[] { 0x80, 4, 0x8b, 0xff, 0xff, 0xff, 0x7f },
        })
        {
            var e = Record.Exception(() => np.load(new NonSeekable(huge), allowPickle: true));
            Assert.True(e is InvalidDataException or NotSupportedException, e?.ToString() ?? "no exception");
        }

        // A million MARKs: no recursion to overflow.
        var marks = new byte[1_000_003];
        marks[0] = 0x80;
        marks[1] = 4;
        marks.AsSpan(2, 1_000_000).Fill((byte)'(');
        marks[^1] = (byte)'.';
        Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(marks), allowPickle: true));
    }

    [Fact]
    public void The_pickle_is_what_numpy_2s_array_reduce_gives()
    {
        // _reconstruct from numpy._core.multiarray (NumPy 2's module; NumPy 1.x wrote numpy.core.multiarray), ndarray
        // and dtype from numpy, protocol 4.
        using var stream = new MemoryStream();
        np.save(stream, Objects("a"));
        string text = Encoding.Latin1.GetString(stream.ToArray());
        Assert.Contains("'descr': '|O'", text);
        Assert.Contains("\x80\x04", text);
        Assert.Contains("numpy._core.multiarray", text);
        Assert.Contains("_reconstruct", text);
        Assert.DoesNotContain("numpy.core.multiarray", text);
    }

    [Fact]
    public void Real_numpy_loads_what_numnet_pickled_and_numnet_loads_what_numpy_pickled()
    {
        if (!SystemNumPy.Available(out string why))
        {
            output.WriteLine("SKIPPED: " + why);
            return;
        }
        using var dir = new TempDir();
        using var f = np.arange(6.0).Reshape(2, 3).Copy(MemoryOrder.F);
        var mine = Objects(null, true, 5L, BigInteger.Pow(10, 30), -0.5, "é\U0001F600", new byte[] { 1, 2 }, new Complex(1, 2), 1.25m,
            new object?[] { 1L, "t" }, new List<object?> { 3L }, 7, 1.5f, new DateTime64(3, new DateTimeMetadata(DateTimeUnit.Seconds)), f);
        np.save(dir.File("mine.npy"), mine);
        // NumPy 1.24 (the machine's) has no numpy._core; NumPy 2 does, and NumPy 1.26 adds the same alias for these pickles.
        const string script = """
            import sys, decimal
            import numpy as np
            sys.modules['numpy._core'] = np.core
            sys.modules['numpy._core.multiarray'] = np.core.multiarray
            a = np.load(sys.argv[1] + '/mine.npy', allow_pickle=True)
            items = a.tolist()
            want = [None, True, 5, 10**30, -0.5, 'é\U0001F600', b'\x01\x02', 1+2j, decimal.Decimal('1.25'), (1, 't'), [3]]
            assert items[:11] == want, items[:11]
            assert type(a[11]) is np.int32 and a[11] == 7, repr(a[11])
            assert type(a[12]) is np.float32 and a[12] == 1.5, repr(a[12])
            assert a[13] == np.datetime64(3, 's'), repr(a[13])
            assert a[14].flags.f_contiguous and a[14].tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
            b = np.empty(4, dtype=object)
            b[:] = [1, 'x', None, np.arange(3, dtype='>u2')]
            np.save(sys.argv[1] + '/theirs.npy', b.reshape(2, 2).T)
            print('ok')
            """;
        var (code, stdout, stderr) = SystemNumPy.Run("-c", script, dir.Path);
        Assert.True(code == 0, stdout + stderr);
        using var theirs = np.load<NDArray>(dir.File("theirs.npy"), allowPickle: true);
        Assert.Equal([2L, 2L], theirs.Shape);
        var items = Items(theirs);
        Assert.Equal(1L, items[0]);
        Assert.Null(items[1]);
        Assert.Equal("x", items[2]);
        Assert.Equal("array([0, 1, 2], dtype='>u2')", Assert.IsType<NDArray>(items[3]).Repr());
    }

    private static long PickleLength(byte[] npy)
    {
        int headerLength = npy[8] | (npy[9] << 8);
        return npy.Length - (10 + headerLength);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
