using NumNet.Tests.IO;

namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// <c>np.save</c> / <c>np.load</c> of StringDType arrays as NumPy 2 does them: <c>numpy/lib/format.py</c>
/// (<c>dtype_to_descr</c>, <c>write_array</c>) stores a non-legacy dtype as a protocol-4 pickle of the whole array under
/// descr <c>'|O'</c>, after the UserWarning "Custom dtypes are saved as python objects using the pickle protocol.
/// Loading this file requires allow_pickle=True to be set.", and refuses with allow_pickle=False ("User-defined dtypes
/// cannot be saved when allow_pickle=False"). The descriptor pickles through
/// <c>numpy._core._internal._convert_to_stringdtype_kwargs(coerce[, na_object])</c> (<c>stringdtype__reduce__</c>), the
/// elements as a list of str and the missing value.
/// </summary>
public sealed class StringDTypeSaveTests
{
    private static NDArray SaveAndLoad(NDArray a, out List<NumPyWarning> warnings)
    {
        using var stream = new MemoryStream();
        using (var capture = Warnings.Capture())
        {
            np.save(stream, a);
            warnings = [.. capture.Warnings];
        }
        stream.Position = 0;
        return (NDArray)np.load(stream, allowPickle: true);
    }

    [Fact]
    public void SavingPicklesUnderObjectDescrWithNumPysUserWarning()
    {
        using var a = np.asarray(new[] { "a", "bc", new string('z', 40) }, dtype: np.dtypes.StringDType());
        using var back = SaveAndLoad(a, out var warnings);
        var w = Assert.Single(warnings);
        Assert.Equal(NumPyWarningKind.UserWarning, w.Kind);
        Assert.Equal("Custom dtypes are saved as python objects using the pickle protocol. Loading this file requires allow_pickle=True to be set.", w.Message);
        Assert.Equal(a.DType, back.DType);
        Assert.Equal(StringDTypeTests.Values(a), StringDTypeTests.Values(back));

        using var stream = new MemoryStream();
        np.save(stream, a);
        string text = System.Text.Encoding.Latin1.GetString(stream.ToArray());
        Assert.Contains("'descr': '|O'", text);
        Assert.Contains("numpy._core._internal", text);
        Assert.Contains("_convert_to_stringdtype_kwargs", text);
    }

    // NumPy 1.24 on this machine has no StringDType, so CPython's own unpickler checks the structure instead, with the
    // three NumPy callables replaced by recorders: what NumPy 2 would be called with.
    [Fact]
    public void CPythonsUnpicklerReadsTheStructureNumPy2Expects()
    {
        if (!SystemNumPy.Available(out string why))
            return;
        using var dir = new TempDir();
        using var a = np.asarray(new object?[] { "a", null, "é" + new string('z', 20) }, dtype: np.dtypes.StringDType(naObject: null));
        np.save(dir.File("t.npy"), a);
        const string script = """
            import pickle, sys
            class Rec:
                def __setstate__(self, state): self.state = state
            class U(pickle.Unpickler):
                def find_class(self, module, name):
                    table = {('numpy._core.multiarray', '_reconstruct'): lambda cls, shape, b: Rec(),
                             ('numpy', 'ndarray'): 'ndarray',
                             ('numpy._core._internal', '_convert_to_stringdtype_kwargs'): lambda *args: ('StringDType', args)}
                    return table[(module, name)]
            with open(sys.argv[1], 'rb') as f:
                f.read(8); n = int.from_bytes(f.read(2), 'little'); header = f.read(n)
                assert b"'descr': '|O'" in header, header
                state = U(f).load().state
            want = (1, (3,), ('StringDType', (1, None)), False, ['a', None, 'é' + 'z' * 20])
            assert state == want, state
            print('ok')
            """;
        var (code, stdout, stderr) = SystemNumPy.Run("-c", script, dir.File("t.npy"));
        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public void MissingValuesCoerceAndLayoutRoundTrip()
    {
        var dtype = np.dtypes.StringDType(naObject: double.NaN, coerce: false);
        using var a = np.asarray(new object?[] { "x", double.NaN, "long " + new string('y', 30), "" }, dtype: dtype).Reshape(2, 2).Copy(MemoryOrder.F);
        using var back = SaveAndLoad(a, out _);
        Assert.Equal(a.DType, back.DType);
        Assert.Equal("StringDType(na_object=nan, coerce=False)", back.DType.Repr());
        Assert.True(back.IsFContiguous && !back.IsCContiguous);
        Assert.Equal(a.Repr(), back.Repr());
    }

    [Fact]
    public void WithoutAllowPickleSavingAndLoadingAreNumPysValueErrors()
    {
        using var dir = new TempDir();
        using var a = np.asarray(new[] { "a" }, dtype: np.dtypes.StringDType());
        var e = Assert.Throws<ArgumentException>(() => np.save(dir.File("s.npy"), a, allowPickle: false));
        Assert.StartsWith("User-defined dtypes cannot be saved when allow_pickle=False", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        np.save(dir.File("s.npy"), a);
        Assert.StartsWith("Object arrays cannot be loaded when allow_pickle=False", Assert.Throws<ArgumentException>(() => np.load(dir.File("s.npy"))).Message);
        np.savez(dir.File("s.npz"), ("a", a));
        using var z = np.load<NpzFile>(dir.File("s.npz"), allowPickle: true);
        Assert.Equal(["a"], StringDTypeTests.Values(z["a"]));
    }

    [Fact]
    public void ASizedUnicodeCopyRoundTrips()
    {
        using var dir = new TempDir();
        string longText = new('q', 300);
        using var a = np.asarray(new[] { "a", "€😊", longText }, dtype: np.dtypes.StringDType());
        using var portable = a.AsType("U300");
        string path = dir.File("portable.npy");
        np.save(path, portable);
        using var loaded = np.load<NDArray>(path);
        using var back = loaded.AsType(np.dtypes.StringDType());
        Assert.Equal(StringDTypeTests.Values(a), StringDTypeTests.Values(back));
    }
}
