using NumNet.Formatting;
using NumNet.IO;
using static System.FormattableString;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.save(file, arr)</c>: writes <paramref name="arr"/> in .npy format (version 1.0 unless the header needs 2.0
    /// or 3.0, as NumPy chooses), appending <c>.npy</c> to the name when it lacks it. The file appears only once it is
    /// complete: the content goes to a temporary file in the same folder, which is then renamed over the target. A
    /// symbolic link is followed (the file it points to is written), the target's permission bits are kept (and its
    /// owner where the system allows), and a Ctrl+C or SIGTERM during the save removes the temporary file.
    /// </summary>
    /// <remarks>
    /// <para>The bytes equal NumPy's for the same array: dtype and byte order kept as they are, F-contiguous arrays (that are
    /// not also C-contiguous) stored in Fortran order, any other layout stored in C order.</para>
    /// <para>An object array is written as NumPy 2 writes one: a <c>'|O'</c> header, then a protocol-4 Python pickle
    /// of the array, which NumPy loads with <c>allow_pickle=True</c>. Its elements must be values with a Python
    /// counterpart: null, bool, long/BigInteger (int), double (float), Complex, decimal (Decimal), string, byte[],
    /// object?[] (tuple), List&lt;object?&gt; (list), arrays, and NumPy scalars (an int as int32, …).</para>
    /// </remarks>
    /// <param name="file">The file's path.</param>
    /// <param name="arr">The array to save.</param>
    /// <param name="allowPickle">Whether an object array may be pickled (NumPy's <c>allow_pickle</c>, true by default).</param>
    /// <exception cref="ArgumentException">An object array and <paramref name="allowPickle"/> false (NumPy's ValueError).</exception>
    /// <exception cref="NotSupportedException">An object array holding a value with no Python counterpart; nothing is written.</exception>
    /// <exception cref="IOException">The file cannot be written, or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is read-only (NumPy's PermissionError), or its folder cannot be written.</exception>
    /// <exception cref="OperationCanceledException">A signal interrupted the save and the application kept running; the file is as it was.</exception>
    public static void save(string file, NDArray arr, bool allowPickle = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(arr);
        NpyWriter.Validate(arr, allowPickle);
        if (!file.EndsWith(".npy", StringComparison.Ordinal))
            file += ".npy";
        if (NpyWriter.IsPickled(arr.DType))
        {
            // A pickle's length is known only once written, so it goes out as a stream, not by positioned writes.
            AtomicFile.Write(file, stream => NpyWriter.Write(stream, arr, allowPickle));
            return;
        }
        byte[] header = NpyWriter.Header(arr);
        AtomicFile.Write(file, header.Length + arr.NBytes, handle => NpyWriter.Write(handle, arr, header), stream => NpyWriter.Write(stream, arr));
    }

    /// <summary><c>np.save(stream, arr)</c>: writes the .npy content of <paramref name="arr"/> at the stream's position.</summary>
    /// <inheritdoc cref="save(string, NDArray, bool)"/>
    public static void save(Stream file, NDArray arr, bool allowPickle = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        NpyWriter.Write(file, arr, allowPickle);
    }

    /// <summary>
    /// <c>np.load(file, mmapMode, allowPickle)</c>: an <see cref="NDArray"/> for a .npy file, an <see cref="NpzFile"/>
    /// (which the caller disposes) for a .npz archive. Use <see cref="load{T}(string, string?, bool, long, int)"/> to
    /// get the expected kind typed.
    /// </summary>
    /// <param name="file">The file's path.</param>
    /// <param name="mmapMode">
    /// For .npy: null reads the data into memory; "r" maps the file read-only, "r+" maps it so writes reach the file,
    /// "c" maps it copy-on-write (writes stay in memory). A mapped array owns the mapping: dispose it to close the file.
    /// Ignored for .npz, whose members are always read into memory. Unlike NumPy, where a file another program
    /// truncates while it is mapped (NumPy's own <c>np.save</c> truncates in place) ends the process with SIGBUS, a
    /// mapping here cannot crash: on Linux the file is mapped under a file lease, and when another process opens it
    /// for writing or truncates it, "r" and "c" arrays switch to a private copy of their bytes (they keep their
    /// contents) and "r+" arrays sync their writes to the file and then throw <see cref="ObjectDisposedException"/>
    /// at their next access (as they do when any other open, even for reading, breaks their write lease). Where no
    /// lease can be taken (another process has the file open for writing, or for "r+" open at all; the file belongs
    /// to another user; the file system has no leases; not Linux) "r" and "c" read the file into memory instead
    /// (the same values; "r" read-only) unless its data is more than half the memory available, and "r+" is
    /// refused; a refusal is an <see cref="IOException"/> naming the reason. Windows, which
    /// refuses to truncate a mapped file, maps without a lease. See docs/reliability.md.
    /// </param>
    /// <param name="allowPickle">
    /// Whether an object array (stored by NumPy as a Python pickle) or a file holding one pickled array may be read, as
    /// NumPy's <c>allow_pickle</c>. Even when true, the pickle may only rebuild NumPy arrays of plain values (see
    /// <see cref="save(string, NDArray, bool)"/>): a pickle naming anything else is refused, not run.
    /// </param>
    /// <param name="maxMemberBytes">For .npz: the largest member data size accepted (the guard against zip bombs).</param>
    /// <param name="maxHeaderSize">The longest .npy header accepted, as NumPy's parameter of that name.</param>
    /// <exception cref="InvalidDataException">
    /// Neither .npy nor .npz, a truncated file, a malformed header (wrong keys, anything but literals), an unknown
    /// dtype, a shape whose byte size overflows or exceeds the file.
    /// </exception>
    /// <exception cref="NotSupportedException">A structured dtype, or a pickle that holds more than arrays of plain values.</exception>
    /// <exception cref="ArgumentException">
    /// An unknown <paramref name="mmapMode"/>; an object array or a pickle when <paramref name="allowPickle"/> is false;
    /// an object array with <paramref name="mmapMode"/> (NumPy's ValueErrors).
    /// </exception>
    /// <exception cref="IOException">
    /// The file cannot be opened, or <paramref name="mmapMode"/> is given and the file cannot be mapped under a lease
    /// nor (mode "r+", or data over half the available memory) read into memory instead.
    /// </exception>
    public static object load(string file, string? mmapMode = null, bool allowPickle = false,
        long maxMemberBytes = NpzFile.DefaultMaxMemberBytes, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize)
    {
        ArgumentNullException.ThrowIfNull(file);
        var access = mmapMode is null ? (System.IO.MemoryMappedFiles.MemoryMappedFileAccess?)null : MemoryMapLoader.ParseMode(mmapMode);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        try
        {
            var kind = FileKinds.Sniff(stream);
            if (kind == FileKind.Npz)
                return new NpzFile(stream, leaveOpen: false, maxMemberBytes, maxHeaderSize, allowPickle);
            if (kind == FileKind.Pickle)
            {
                using (stream)
                    return ReadPickleFile(stream, allowPickle);
            }
            if (access is { } a)
            {
                stream.Dispose();
                return MemoryMapLoader.Open(file, a, maxHeaderSize);
            }
            using (stream)
                return NpyReader.Read(stream, maxHeaderSize: maxHeaderSize, allowPickle: allowPickle);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary><c>np.load(stream)</c>: reads .npy or .npz content from the stream's position.</summary>
    /// <remarks>An .npz needs a seekable stream and keeps it open; disposing the <see cref="NpzFile"/> leaves it open.</remarks>
    /// <inheritdoc cref="load(string, string?, bool, long, int)"/>
    public static object load(Stream file, bool allowPickle = false,
        long maxMemberBytes = NpzFile.DefaultMaxMemberBytes, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize)
    {
        ArgumentNullException.ThrowIfNull(file);
        var kind = FileKinds.Sniff(file, out var replay);
        if (kind == FileKind.Npz)
        {
            if (!file.CanSeek)
                throw new ArgumentException("an .npz archive needs a seekable stream", nameof(file));
            return new NpzFile(file, leaveOpen: true, maxMemberBytes, maxHeaderSize, allowPickle);
        }
        if (kind == FileKind.Pickle)
            return ReadPickleFile(replay, allowPickle);
        return NpyReader.Read(replay, maxHeaderSize: maxHeaderSize, allowPickle: allowPickle);
    }

    // NumPy's np.load unpickles a file that is neither .npy nor .npz when allow_pickle is true.
    private static NDArray ReadPickleFile(Stream stream, bool allowPickle)
    {
        if (!allowPickle)
            throw new ArgumentException("This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.", nameof(allowPickle));
        return IO.Pickle.NumPyPickle.Read(stream, stream.CanSeek ? NpyHeader.BytesLeft(stream) : long.MaxValue);
    }

    /// <summary>
    /// <c>np.load</c> typed: <c>np.load&lt;NDArray&gt;("a.npy")</c> or <c>np.load&lt;NpzFile&gt;("b.npz")</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is of the other kind, or damaged.</exception>
    /// <inheritdoc cref="load(string, string?, bool, long, int)"/>
    public static T load<T>(string file, string? mmapMode = null, bool allowPickle = false,
        long maxMemberBytes = NpzFile.DefaultMaxMemberBytes, int maxHeaderSize = NpyHeader.DefaultMaxHeaderSize) where T : class
    {
        var result = load(file, mmapMode, allowPickle, maxMemberBytes, maxHeaderSize);
        if (result is T typed)
            return typed;
        (result as IDisposable)?.Dispose();
        throw new InvalidDataException(Invariant($"{PythonRepr.Repr(file)} holds {(result is NDArray ? "an array (.npy)" : "an archive (.npz)")}, not a {typeof(T).Name}"));
    }

    /// <summary>
    /// <c>np.savez(file, name=arr, ...)</c>: writes the arrays uncompressed into a .npz archive, each as the member
    /// <c>name.npy</c>, appending <c>.npz</c> to the file name when it lacks it. Written through a temporary file, as
    /// <see cref="save(string, NDArray, bool)"/> writes.
    /// </summary>
    /// <exception cref="ArgumentException">An empty or repeated name.</exception>
    /// <exception cref="NotSupportedException">An object array.</exception>
    /// <exception cref="IOException">The file cannot be written, or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is read-only, or its folder cannot be written.</exception>
    public static void savez(string file, params (string name, NDArray arr)[] arrays) => SaveArchive(file, arrays, compress: false);

    /// <summary><c>np.savez(file, *arrays)</c>: the arrays are named arr_0, arr_1, ….</summary>
    /// <inheritdoc cref="savez(string, ValueTuple{string, NDArray}[])"/>
    public static void savez(string file, params NDArray[] arrays) => SaveArchive(file, NpzWriter.Positional(arrays), compress: false);

    /// <summary><c>np.savez(stream, name=arr, ...)</c>, written at the stream's position; the stream stays open.</summary>
    /// <inheritdoc cref="savez(string, ValueTuple{string, NDArray}[])"/>
    public static void savez(Stream file, params (string name, NDArray arr)[] arrays) => NpzWriter.Write(file, arrays, compress: false);

    /// <summary><c>np.savez_compressed(file, name=arr, ...)</c>: as <see cref="savez(string, ValueTuple{string, NDArray}[])"/>, with deflate.</summary>
    /// <inheritdoc cref="savez(string, ValueTuple{string, NDArray}[])"/>
    public static void savez_compressed(string file, params (string name, NDArray arr)[] arrays) => SaveArchive(file, arrays, compress: true);

    /// <summary><c>np.savez_compressed(file, *arrays)</c>: the arrays are named arr_0, arr_1, ….</summary>
    /// <inheritdoc cref="savez(string, ValueTuple{string, NDArray}[])"/>
    public static void savez_compressed(string file, params NDArray[] arrays) => SaveArchive(file, NpzWriter.Positional(arrays), compress: true);

    /// <summary><c>np.savez_compressed(stream, name=arr, ...)</c>; the stream stays open.</summary>
    /// <inheritdoc cref="savez(string, ValueTuple{string, NDArray}[])"/>
    public static void savez_compressed(Stream file, params (string name, NDArray arr)[] arrays) => NpzWriter.Write(file, arrays, compress: true);

    private static void SaveArchive(string file, (string, NDArray)[] arrays, bool compress)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(arrays);
        NpzWriter.Validate(arrays);
        if (!file.EndsWith(".npz", StringComparison.Ordinal))
            file += ".npz";
        AtomicFile.Write(file, s => NpzWriter.Write(s, arrays, compress, validated: true));
    }
}
